"""SHA-256 and SHA-1 without `hashlib`'s start-up: importing hashlib loads OpenSSL's bindings
(~5 ms, more than writing a .docx's data part), and `uuid` pulls in `platform` as well. CPython
always builds its own SHA modules in, so those are used when present; hashlib otherwise.
The digests are the same as hashlib's."""

from __future__ import annotations


def sha256_hex(chunks) -> str:
    try:
        from _sha256 import sha256  # CPython 3.11
    except ImportError:
        try:
            from _sha2 import sha256  # CPython 3.12+
        except ImportError:
            from hashlib import sha256
    h = sha256()
    for chunk in chunks:
        h.update(chunk)
    return h.hexdigest()


def uuid5_url(name: str) -> str:
    """uuid.uuid5(uuid.NAMESPACE_URL, name) as text (RFC 4122 §4.3), lower case."""
    try:
        from _sha1 import sha1
    except ImportError:
        from hashlib import sha1
    namespace_url = bytes.fromhex("6ba7b8119dad11d180b400c04fd430c8")
    b = bytearray(sha1(namespace_url + name.encode("utf-8")).digest()[:16])
    b[6] = (b[6] & 0x0F) | 0x50   # version 5
    b[8] = (b[8] & 0x3F) | 0x80   # the RFC 4122 variant
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
