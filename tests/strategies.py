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


# -- documents with layout artifacts -------------------------------------------

_WORDS = (
    "the river rose over the quay and the crews worked through night to close breaches "
    "engineers argued that spillway would fail without money from south provinces "
    "governor said talks could resume after autumn session in capital with premier "
    "of to in for with on at by from about without and but or because which that"
).split()
_LONG_WORDS = ["department", "negotiators", "understand", "embankment", "condition", "temporary", "concern", "commission"]
_CAPS = ["North", "South", "U.S.", "The Players", "PART 2", "REGION 4-9", "Commission"]
_CREDITS = ["ANA RUIZ/REUTERS", "JONAS AHLBERG FOR THE LEDGER", "PAVEL NOWAK/ASSOCIATED PRESS", "REUTERS"]
_FURNITURE = ["Continued on Page 4", "From Page 1", "Continued on Following Page", "The Ledger Special Report", "Page 3"]


@st.composite
def _sentence(draw, closed=True):
    n = draw(st.integers(3, 14))
    words = [draw(st.sampled_from(_WORDS)) for _ in range(n)]
    words[0] = words[0].capitalize()
    text = " ".join(words)
    if closed:
        text += draw(st.sampled_from([".", ".", "?", '."', ","]))
    return text


@st.composite
def _block(draw):
    kind = draw(st.integers(0, 11))
    if kind <= 3:
        return " ".join(draw(st.lists(_sentence(), min_size=1, max_size=4)))
    if kind == 4:  # open fragment
        return draw(_sentence(closed=False))
    if kind == 5:  # lowercase continuation
        return draw(_sentence()).lower()
    if kind == 6:  # hyphenated break
        word = draw(st.sampled_from(_LONG_WORDS))
        cut = draw(st.integers(2, len(word) - 2))
        gap = draw(st.sampled_from(["\n", "\n\n", "\n\n\n"]))
        return f"{draw(_sentence(closed=False))} {word[:cut]}-{gap}{word[cut:]} {draw(_sentence())}".strip()
    if kind == 7:
        return draw(st.sampled_from(_CREDITS))
    if kind == 8:
        return draw(st.sampled_from(_CAPS))
    if kind == 9:
        return draw(st.sampled_from(_FURNITURE))
    if kind == 10:
        return "Left, " + draw(_sentence()).lower()
    return draw(st.sampled_from(["Q: ", "DS: ", "- "])) + draw(_sentence())


layout_docs = st.lists(
    st.tuples(_block(), st.sampled_from(["\n\n", "\n", "\n\n\n", "\n \n", "\n\n"])), max_size=14
).map(lambda items: "".join(b + sep for b, sep in items))
