#!/usr/bin/env python3
"""Writes the seed corpus for fuzz_dnsmessage: real-looking DNS responses and a few malformed ones.

Usage: fuzz/make-seed-corpus.py [OUTPUT_DIR]   (default: fuzz/corpus/dnsmessage next to this file)

The output is deterministic, so running it again rewrites the same files byte for byte.
"""

import os
import struct
import sys

QR, AA, TC, RD, RA = 0x8000, 0x0400, 0x0200, 0x0100, 0x0080
A, NS, CNAME, SOA, AAAA, OPT = 1, 2, 5, 6, 28, 41
RRSIG = 46
AD = 0x0020
IN = 1
NOERROR, SERVFAIL, NXDOMAIN = 0, 2, 3


class Packet:
    """A byte builder; len(p) is the offset the next byte lands at (for compression pointers)."""

    def __init__(self):
        self.data = bytearray()

    def __len__(self):
        return len(self.data)

    def u8(self, value):
        self.data += struct.pack("!B", value)
        return self

    def u16(self, value):
        self.data += struct.pack("!H", value)
        return self

    def u32(self, value):
        self.data += struct.pack("!I", value)
        return self

    def raw(self, data):
        self.data += data
        return self

    def header(self, ident, flags, qd=0, an=0, ns=0, ar=0):
        self.data += struct.pack("!6H", ident, flags, qd, an, ns, ar)
        return self

    def label(self, data):
        return self.u8(len(data)).raw(data)

    def name(self, dotted):
        for part in dotted.split(".") if dotted else []:
            self.label(part.encode("ascii"))
        return self.u8(0)

    def pointer(self, offset):
        return self.u16(0xC000 | offset)

    def question(self, dotted, qtype):
        return self.name(dotted).u16(qtype).u16(IN)

    def fixed(self, rtype, rclass, ttl, rdlength):
        return self.u16(rtype).u16(rclass).u32(ttl).u16(rdlength)

    def rdata(self, rtype, ttl, data):
        return self.fixed(rtype, IN, ttl, len(data)).raw(data)

    def opt(self, payload=1232, ext_rcode=0, flags=0, options=b""):
        return self.u8(0).fixed(OPT, payload, (ext_rcode << 24) | flags, len(options)).raw(options)


def ede(code, text=b""):
    """An Extended DNS Error option (RFC 8914): code 15, length, info-code, UTF-8 text."""
    return struct.pack("!HHH", 15, 2 + len(text), code) + text


def ipv4(text):
    return bytes(int(part) for part in text.split("."))


def soa_rdata(zone_offset, serial=2024010101, minimum=300):
    """ns1.<zone> hostmaster.<zone> and the five numbers, names compressed to zone_offset."""
    rdata = Packet().label(b"ns1").pointer(zone_offset).label(b"hostmaster").pointer(zone_offset)
    return bytes(rdata.u32(serial).u32(7200).u32(900).u32(1209600).u32(minimum).data)


def rrsig_rdata(covered, signer, expiration=1799539200, inception=1796083200, key_tag=11952):
    """RFC 4034 3.1, ECDSAP256SHA256 (13); the signer name uncompressed, a 64-byte signature."""
    rdata = Packet().u16(covered).u8(13).u8(len(signer.split("."))).u32(300)
    rdata.u32(expiration).u32(inception).u16(key_tag).name(signer)
    return bytes(rdata.raw(bytes(range(64))).data)


def seeds():
    flags = QR | RD | RA
    out = {}

    # A, two addresses, owner names compressed to the question (byte 12).
    p = Packet().header(0x1A2B, flags, 1, 2).question("api.example.com", A)
    p.pointer(12).rdata(A, 300, ipv4("192.0.2.10"))
    p.pointer(12).rdata(A, 300, ipv4("192.0.2.11"))
    out["a-two-addresses"] = p

    p = Packet().header(0x2B3C, flags, 1, 1).question("db.example.com", AAAA)
    p.pointer(12).rdata(AAAA, 3600, bytes.fromhex("20010db8000000000000000000000053"))
    out["aaaa"] = p

    # www.example.com CNAME web.example.com CNAME edge.cdn.example.net A, all compressed.
    p = Packet().header(0x3C4D, flags, 1, 3).question("www.example.com", A)
    example_com = 12 + 4
    p.pointer(12).fixed(CNAME, IN, 3600, 6)
    web = len(p)
    p.label(b"web").pointer(example_com)
    p.pointer(web).fixed(CNAME, IN, 120, 22)
    edge = len(p)
    p.name("edge.cdn.example.net")
    p.pointer(edge).rdata(A, 60, ipv4("198.51.100.7"))
    out["cname-chain-compressed"] = p

    # Negative answers with the zone's SOA in authority (RFC 2308).
    p = Packet().header(0x4D5E, flags | AA | NXDOMAIN, 1, 0, 1).question("gone.example.com", A)
    zone = 12 + 5
    p.pointer(zone).rdata(SOA, 900, soa_rdata(zone))
    out["nxdomain-soa"] = p

    p = Packet().header(0x5E6F, flags | AA, 1, 0, 1).question("mail.example.com", AAAA)
    zone = 12 + 5
    p.pointer(zone).rdata(SOA, 900, soa_rdata(zone, minimum=60))
    out["nodata-soa"] = p

    # Truncated UDP answer: TC set, answer section left empty.
    p = Packet().header(0x6F70, flags | TC, 1).question("big.example.com", A)
    out["truncated-tc"] = p

    # EDNS: OPT in additional with a 4096-byte payload, DO bit and a client+server cookie.
    p = Packet().header(0x7081, flags, 1, 1, 0, 1).question("host.example.org", A)
    p.pointer(12).rdata(A, 30, ipv4("203.0.113.5"))
    cookie = struct.pack("!HH", 10, 24) + bytes(range(1, 25))
    p.opt(payload=4096, flags=0x8000, options=cookie)
    out["edns-opt-cookie"] = p

    # BADVERS: extended rcode 1 in the OPT TTL makes rcode 16.
    p = Packet().header(0x8192, flags, 1, 0, 0, 1).question("v.example.org", A)
    p.opt(ext_rcode=1)
    out["edns-badvers"] = p

    p = Packet().header(0x92A3, flags | SERVFAIL, 1, 0, 0, 1).question("broken.example.net", A)
    p.opt()
    out["servfail"] = p

    # A query as DnsClient sends it (RD, EDNS 1232).
    p = Packet().header(0xA3B4, RD, 1, 0, 0, 1).question("probe.example.com", A).opt()
    out["query-edns"] = p

    # Odd label bytes: a dot inside a label and a zero byte.
    p = Packet().header(0xB4C5, flags, 1, 1).label(b"a.b").label(b"\x00x").name("test")
    p.u16(A).u16(IN).pointer(12).rdata(A, 5, ipv4("10.0.0.1"))
    out["escaped-labels"] = p

    # Malformed: an owner name that points at itself.
    p = Packet().header(0xC5D6, flags, 1, 1).question("loop.example", A)
    p.pointer(len(p)).rdata(A, 60, ipv4("10.0.0.2"))
    out["malformed-pointer-loop"] = p

    # Malformed: two pointers aimed at each other through the question's type field.
    p = Packet().header(0xD6E7, flags, 1, 1).name("a").pointer(19).u16(IN)
    p.pointer(15).rdata(A, 60, ipv4("10.0.0.3"))
    out["malformed-mutual-pointers"] = p

    # Malformed: the question name points forward into the answer.
    p = Packet().header(0xE7F8, flags, 1, 1).pointer(18).u16(A).u16(IN)
    p.name("fwd.example").rdata(A, 60, ipv4("10.0.0.4"))
    out["malformed-forward-pointer"] = p

    # Malformed: A record whose rdlength says 5.
    p = Packet().header(0xF809, flags, 1, 1).question("five.example", A)
    p.pointer(12).rdata(A, 60, b"\x0a\x00\x00\x05\x00")
    out["malformed-a-rdlength-5"] = p

    # DNSSEC: a validated answer (AD) with its RRSIG, and the zone's SOA with its RRSIG.
    p = Packet().header(0x0A0D, flags | AD, 1, 2, 0, 1).question("good.signed.test", A)
    p.pointer(12).rdata(A, 300, ipv4("10.53.0.1"))
    p.pointer(12).rdata(RRSIG, 300, rrsig_rdata(A, "signed.test"))
    p.opt(flags=0x8000)
    out["dnssec-a-rrsig"] = p

    p = Packet().header(0x0B0D, flags | AD, 1, 2, 0, 1).question("signed.test", SOA)
    p.pointer(12).rdata(SOA, 300, soa_rdata(12))
    p.pointer(12).rdata(RRSIG, 300, rrsig_rdata(SOA, "signed.test"))
    p.opt(flags=0x8000)
    out["dnssec-soa-rrsig"] = p

    # Malformed RRSIG data: a compressed signer name, and rdata cut inside the fixed fields.
    p = Packet().header(0x0C0D, flags, 1, 1).question("signed.test", SOA)
    bad = Packet().u16(SOA).u8(13).u8(2).u32(300).u32(2).u32(1).u16(7).pointer(12).raw(b"sig")
    p.pointer(12).rdata(RRSIG, 300, bytes(bad.data))
    out["rrsig-compressed-signer"] = p

    p = Packet().header(0x0D0D, flags, 1, 1).question("signed.test", SOA)
    p.pointer(12).rdata(RRSIG, 300, rrsig_rdata(SOA, "signed.test")[:11])
    out["rrsig-cut-short"] = p
    # Extended DNS Errors in the OPT record: a SERVFAIL for a bogus signature, an upstream's
    # stale answer next to a cookie, and one without text beside an unassigned code.
    p = Packet().header(0x0A1B, flags | SERVFAIL, 1, 0, 0, 1).question("signed.example.org", A)
    p.opt(options=ede(6, b"RRSIG over A expired"))
    out["ede-servfail-dnssec-bogus"] = p

    p = Packet().header(0x1B2C, flags, 1, 1, 0, 1).question("old.example.org", A)
    p.pointer(12).rdata(A, 30, ipv4("203.0.113.9"))
    p.opt(options=cookie + ede(3, b"resolver upstream unreachable\x00"))
    out["ede-stale-answer-cookie"] = p

    p = Packet().header(0x2C3D, flags | 5, 1, 0, 0, 1).question("blocked.example.org", A)
    p.opt(options=ede(18) + ede(4711, b"\x1b[2Jgesperrt f\xc3\xbcr alle"))
    out["ede-prohibited-unknown-code"] = p

    # Malformed OPT records (RFC 6891 6.1.1) and options that do not fit their record.
    p = Packet().header(0x3D4E, flags, 1, 0, 0, 2).question("twice.example.org", A)
    p.opt().opt(options=ede(6))
    out["malformed-two-opt"] = p

    p = Packet().header(0x4E5F, flags, 1, 1).question("answer.example.org", A).opt(options=ede(6))
    out["malformed-opt-in-answer"] = p

    p = Packet().header(0x5F60, flags, 1, 0, 0, 1).question("owner.example.org", A)
    p.pointer(12).fixed(OPT, 1232, 0, 6).raw(ede(6))
    out["malformed-opt-owner"] = p

    p = Packet().header(0x6071, flags, 1, 0, 0, 1).question("long.example.org", A)
    p.opt(options=struct.pack("!HHH", 15, 9, 23) + b"abc")
    out["malformed-ede-overrun"] = p

    p = Packet().header(0x7182, flags, 1, 0, 0, 1).question("short.example.org", A)
    p.opt(options=struct.pack("!HHB", 15, 1, 0))
    out["malformed-ede-one-byte"] = p

    # The soa check: an authoritative answer (AA, no RD) with the zone's SOA, and SOA data cut
    # inside its five numbers.
    p = Packet().header(0x8293, QR | AA, 1, 1).question("example.test", SOA)
    p.pointer(12).rdata(SOA, 3600, soa_rdata(12, serial=2026120604, minimum=60))
    out["soa-authoritative"] = p

    p = Packet().header(0x93A4, QR | AA, 1, 1).question("example.test", SOA)
    p.pointer(12).rdata(SOA, 3600, soa_rdata(12)[:-3])
    out["malformed-soa-cut-short"] = p
    return out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "corpus", "dnsmessage")
    os.makedirs(outdir, exist_ok=True)
    for name, packet in seeds().items():
        with open(os.path.join(outdir, name + ".bin"), "wb") as f:
            f.write(packet.data)
    print(f"make-seed-corpus: wrote {len(seeds())} files to {outdir}")


if __name__ == "__main__":
    main()
