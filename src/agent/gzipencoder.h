#pragma once

#include <QByteArray>
#include <QByteArrayView>

// text compressed in one pass into the gzip format (RFC 1952) with zlib, for a
// Content-Encoding: gzip answer; empty only when zlib fails (out of memory).
QByteArray gzipCompressed(QByteArrayView text);
