#pragma once

#include <QtGlobal>

// Acknowledges the bytes received on the TCP socket descriptor now, instead of after the
// kernel's delayed-ACK timer (40 ms on Linux).
//
// A DNS server that leaves Nagle's algorithm on (unbound does, on its TLS port) holds back each
// answer after the first of a burst until the one before it is acknowledged. A client that is
// still waiting for answers therefore acknowledges at once; otherwise the second answer of
// every A and AAAA pair would wait 40 ms. Does nothing where the system has no TCP_QUICKACK.
void acknowledgeReceivedNow(qintptr socketDescriptor);
