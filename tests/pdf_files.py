"""PDFs written by hand for tests and benchmarks: a few hundred bytes each, with a correct cross-reference table."""

from __future__ import annotations


def make_pdf(pages: list[str], encrypt: tuple[bytes, bytes] | None = None, extra: bytes = b"") -> bytes:
    """A PDF with one line of Helvetica text per page and a correct cross-reference table."""
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode()]
    font = 3 + 2 * n
    for i, text in enumerate(pages):
        stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
        page = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font} 0 R >> >> "
        ).encode()
        objs.append(page + extra + b" >>")
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    trailer = b""
    if encrypt is not None:
        objs.append(encrypt[0])
        doc_id = encrypt[1].hex().encode()
        trailer = b" /Encrypt %d 0 R /ID [<%s> <%s>]" % (len(objs), doc_id, doc_id)
    out = bytearray(b"%PDF-1.6\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % k + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, trailer, xref)
    return bytes(out)
