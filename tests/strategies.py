"""Hypothesis strategies for text like the text corpusclean repairs."""

from hypothesis import strategies as st

from corpusclean.encoding import _bad_chars

# Pieces that trigger every rule: escapes, mojibake, controls, quotes,
# whitespace, hyphens at line ends, capitals, digits, non-Latin letters.
_PIECES = [
    "the ", "word", "Word", "WORD ", "ex-", "ample", "-\n", "\n", "\n\n", "\n \n", "\r\n",
    "\r", " ", "  ", "\t", ".", ",", "?", ":", "\\$", "\\\\", "\\", "$5", "'", '"',
    "\u2019", "\u201c", "\u201d", "caf\u00c3\u00a9", "\u00e2\u20ac\u2122", "\u00ad", "\u200b",
    "\u200d", "\ufeff", "\x00", "\x85", "\x93", "e\u0301", "\u0301", "\u00a0", "\u0420\u0443",
    "R\u0443\u0441", "\u03b1", "5'10\"", "'90s", "Q:", "Mr.", "PAGE 3", "Continued on Page 2",
    "https://x.io/a\\_b", "`c\\*d`",
]

artifact_text = st.lists(
    st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40
).map("".join)

mojibake_chars = st.sampled_from(sorted(_bad_chars()))

any_text = st.one_of(
    st.text(max_size=200),
    artifact_text,
    st.text(st.characters(codec="utf-8"), max_size=60),
    artifact_text.map(lambda t: t.replace("\r", "").replace("\n", "\r\n")),
    st.text(st.sampled_from(" \n\t-a.A\r"), max_size=80),
)
