"""Hostile and odd PDFs: encrypted, nested too deeply, broken, noisy; the library's warnings stay off stderr.

The PDFs are written here by hand (a few hundred bytes each); the encryption dictionary is computed with the
standard security handler's algorithms (MD5 and RC4), so no cryptography package is needed to build them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from pdf_files import make_pdf

from claimcheck.errors import InputError
from claimcheck.readers.pdf import read_pdf

PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    i = j = 0
    out = bytearray()
    for b in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def aes_encryption(empty_user_password: bool) -> tuple[bytes, bytes]:
    """An AES-128 (V4, R4) encryption dictionary whose user password is empty, or not."""
    doc_id, owner, p = bytes(range(16)), bytes(32), -4
    key = hashlib.md5(PAD + owner + p.to_bytes(4, "little", signed=True) + doc_id).digest()
    for _ in range(50):
        key = hashlib.md5(key[:16]).digest()
    user = rc4(key, hashlib.md5(PAD + doc_id).digest())
    for i in range(1, 20):
        user = rc4(bytes(b ^ i for b in key), user)
    user = user + bytes(16) if empty_user_password else bytes(range(32))
    d = (
        b"<< /Filter /Standard /V 4 /R 4 /Length 128 /CF << /StdCF << /CFM /AESV2 /AuthEvent /DocOpen /Length 16 >> >>"
        b" /StmF /StdCF /StrF /StdCF /O <%s> /U <%s> /P -4 >>" % (owner.hex().encode(), user.hex().encode())
    )
    return d, doc_id


def test_a_plain_pdf_is_read_page_by_page() -> None:
    assert read_pdf(make_pdf(["A clamp with a base", "The base is steel"]), "d.pdf").pages == [
        "A clamp with a base",
        "The base is steel",
    ]


def test_a_password_protected_pdf_says_it_is_encrypted() -> None:
    with pytest.raises(InputError, match=r"d\.pdf: the PDF is encrypted with a password"):
        read_pdf(make_pdf(["secret"], aes_encryption(False)), "d.pdf")


def test_an_aes_encrypted_pdf_is_read_or_says_it_is_encrypted() -> None:
    data = make_pdf(["Hello"], aes_encryption(True))
    try:
        import cryptography  # noqa: F401
    except ImportError:
        with pytest.raises(InputError, match=r"d\.pdf: the PDF is encrypted \(.*AES.*\): install the 'cryptography'"):
            read_pdf(data, "d.pdf")
    else:  # with an AES implementation the (unencrypted) page stream decrypts to noise, or fails: never a traceback
        try:
            read_pdf(data, "d.pdf")
        except InputError as e:
            assert "\n" not in str(e)


def test_a_pdf_nested_too_deeply() -> None:
    data = make_pdf(["Hello"], extra=b"/Deep " + b"[" * 20_000 + b"]" * 20_000)
    with pytest.raises(InputError, match=r"d\.pdf: cannot read PDF: its objects are nested too deeply"):
        read_pdf(data, "d.pdf")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"not a pdf at all", "not a PDF file"),
        (b"%PDF-1.4\n" + b"\x00" * 64, "cannot read PDF"),
        (make_pdf(["x"]).replace(b"startxref", b"startxrex"), "cannot read PDF"),
        (make_pdf(["x"])[:120], "cannot read PDF"),
    ],
    ids=["no-header", "nul", "no-startxref", "truncated"],
)
def test_broken_pdfs_are_one_line(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as err:
        read_pdf(data, "d.pdf")
    assert "\n" not in str(err.value)


def test_library_warnings_stay_off_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    data = make_pdf(["A clamp with a base"])
    start = data.index(b"startxref\n") + len(b"startxref\n")
    shifted = data[:start] + b"%d" % (int(data[start:].split(b"\n")[0]) + 7) + b"\n%%EOF\n"  # a wrong xref offset
    result = read_pdf(shifted, "d.pdf")
    assert result.pages == ["A clamp with a base"]
    assert result.warnings  # what pypdf said is kept
    captured = capfd.readouterr()
    assert captured.err == "" and captured.out == ""


def test_match_reads_a_pdf_prior_art_document(tmp_path: Path) -> None:
    from claimcheck.match import read_document

    pdf = tmp_path / "D1.pdf"
    pdf.write_bytes(make_pdf(["A clamp comprising a base and a slider.", "The base is made of steel."]))
    doc = read_document(pdf, "D1")
    assert [p.page for p in doc.passages][:2] == [1, 2]
    enc = tmp_path / "D2.pdf"
    enc.write_bytes(make_pdf(["secret"], aes_encryption(False)))
    with pytest.raises(InputError, match="encrypted with a password"):
        read_document(enc, "D2")
