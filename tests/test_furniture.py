"""furniture: jump lines, running heads, banners, folios, mastheads, stitching (ARTIFACTS §5)."""

import pytest

from corpusclean import clean, repair

LAYOUT = ["furniture", "captions", "hyphenation", "paragraphs"]

BODY = (
    "The convoy left the quarry at dawn and crawled north along the river road toward the "
    "border, carrying the last cement the province had promised for the spillway."
)

FRONT_PAGE = f"""THE RECKONING

How a Shared Dam Divided Two Old Allies

{BODY}

Why the segments had been stopped again was never explained. In the end, they sat for another 12

Continued on Page 14

Flood Insurance Rates Set to Double

The regional insurer told homeowners that premiums would double next year, according to former

Continued on Page 19

REGION 2-11

Schools Close for Floods

Three districts on the lower river will teach online until the water recedes. PAGE 9

OPINION

Marguerite Lindqvist

PAGE 8

The Reckoning Ledger Special Report

JONAS AHLBERG FOR THE RIVERTON LEDGER

From Page 1

days, at a siding outside the town of Varn. To the engineers, the stalled convoy seemed to capture everything that had gone wrong.

"This has happened so many times that I have stopped counting," an official said.
"""


def test_jumped_story_is_stitched():
    out = clean(FRONT_PAGE, select=LAYOUT)
    assert "In the end, they sat for another 12 days, at a siding outside the town of Varn." in out
    assert "Continued on" not in out and "From Page" not in out
    # what stood between moves after the stitched story, in its order
    story_end = out.index("I have stopped counting")
    assert out.index("Flood Insurance Rates Set to Double") > story_end
    assert out.index("Schools Close for Floods") > out.index("Flood Insurance Rates Set to Double")
    # headlines and index entries stay
    for keep in ("THE RECKONING", "How a Shared Dam", "REGION 2-11", "PAGE 9", "Marguerite Lindqvist\n\nPAGE 8"):
        assert keep in out


def test_stitch_edits_record_moves_and_removals():
    result = repair(FRONT_PAGE, select=["furniture"])
    messages = [e.message for e in result.edits]
    assert sum("jump line removed" in m for m in messages) == 3
    assert any("moved after the continued story" in m for m in messages)
    assert any("moved here" in m for m in messages)


def _pages(n, head="The Lower Valley Water Board Annual Report"):
    pages = []
    for i in range(1, n + 1):
        body = " ".join(f"Sentence {j} of page {i} says the river rose and the crews held the bank." for j in range(14))
        pages.append(f"{head}\n\n{body}\n\nLower Valley Water Board    Page {i}")
    return "\n\n".join(pages) + "\n"


def test_running_heads_and_footers_removed():
    text = _pages(4)
    result = repair(text, select=["furniture"])
    assert "Annual Report" not in result.text and "Page 3" not in result.text
    assert result.text.count("Sentence 0 of page") == 4
    assert all(e.rule == "furniture" for e in result.edits)
    assert sum("running head removed" in e.message for e in result.edits) == 8


def test_a_repeated_paragraph_opening_is_not_a_running_head():
    # A report that says the same thing twice, hard-wrapped the same way: the
    # first line of each copy repeats, but it is prose that flows on.
    para = (
        "Repair of the old slipway on the east pier is considered a\n"
        "priority by the board. The survey found cracks in every pile.\n"
    )
    text = f"{BODY}\n\n{para}\n" + "\n\n".join([BODY] * 6) + f"\n\n{para}\n{BODY}\n"
    assert repair(text, select=["furniture"]).edits == ()


def test_jump_after_a_fragment_that_reads_like_a_name():
    text = (
        f"{BODY}\n\nThe Valley Water Board voted 5\n\nContinued on Page 6\n\nSchools Close for Floods\n\n"
        f"{BODY}\n\nFrom Page 1\n\nto 2 to raise the levy, after a long night of argument.\n"
    )
    out = clean(text, select=LAYOUT)
    assert "The Valley Water Board voted 5 to 2 to raise the levy, after a long night of argument." in out
    assert "Continued on" not in out and "From Page" not in out
    assert out.index("Schools Close for Floods") > out.index("night of argument")


def test_section_banners_removed():
    text = (
        f"{BODY}\n\nContinued on Following Page\n\nThe Reckoning Special Report\n\n"
        "THE DAM THAT DIVIDED: A PLAN ON THE TABLE\n\nPART 2\n\n" + BODY.replace("convoy", "train") + "\n\n"
        "Continued on Following Page\n\nThe Reckoning Special Report\n\n"
        "THE DAM THAT DIVIDED: A MINISTER WHO WOULD NOT READ\n\n" + BODY.replace("convoy", "truck") + "\n"
    )
    out = clean(text, select=["furniture"])
    assert "DAM THAT DIVIDED" not in out and "Special Report" not in out and "Continued" not in out
    assert "PART 2" in out


def test_repeated_labels_of_a_graphic_are_not_running_heads():
    text = (
        f"{BODY}\n\nThe Players\n\nNorth\n\nAnn Lee, Bo Park\n\nSouth\n\nCy Diaz, Di Ng\n\n{BODY}\n\n"
        f"{BODY}\n\nNorth\n\nSouth\n\n{BODY}\n"
    )
    assert repair(text, select=["furniture"]).edits == ()


def test_refrain_of_a_song_is_not_a_running_head():
    text = "Row, row, row your boat\nGently down the stream\n\nRow, row, row your boat\nGently down the stream\n\nRow, row, row your boat\nGently down the stream\n"
    assert repair(text, select=["furniture"]).edits == ()


def test_masthead_removed_above_the_first_paragraph():
    text = (
        '"Without Fear\nOr Favour"\n\nThe Riverton Ledger\n\nVOL. XCII ... NO. 31,408\n\n'
        "© 2026 The Riverton Ledger Company\n\nSUNDAY, MARCH 8, 2026\n\nHigher in outlying districts\n\n$4.50\n\n"
        f"{BODY}\n"
    )
    result = repair(text, select=["furniture"])
    assert result.text == BODY + "\n"
    assert all("masthead removed" in e.message for e in result.edits)


def test_a_date_line_alone_is_not_a_masthead():
    text = f"SUNDAY, MARCH 8, 2026\n\nRiver Festival Returns\n\n{BODY}\n"
    assert repair(text, select=["furniture"]).edits == ()


def test_masthead_lines_below_the_first_paragraph_stay():
    text = f"{BODY}\n\nVOL. XCII ... NO. 31,408\n\n© 2026 The Riverton Ledger Company\n"
    assert repair(text, select=["furniture"]).edits == ()


def test_web_residue_is_reported_not_removed():
    text = "#RWP The river is winning\nSome news.[ii]\nRead the whole study here.\nMore text.\n"
    result = repair(text, select=["furniture"])
    assert result.text == text
    messages = " ".join(n.message for n in result.notes)
    assert "link text without its link" in messages
    assert "footnote marker" in messages
    assert "heading marker" in messages


def test_jump_line_forms():
    for line in ("Continued on Page 12", "Continued on Following Page", "From Page 1", "Continued from Page A1", "See Budget, Page 4", "CONTINUED ON PAGE A12"):
        text = f"{BODY}\n\n{line}\n\n{BODY}\n"
        assert clean(text, select=["furniture"]) == f"{BODY}\n\n{BODY}\n", line


def test_a_sentence_about_pages_is_not_a_jump_line():
    text = f"{BODY} Continued on page 12 of the report, the list goes on.\n"
    assert repair(text, select=["furniture"]).edits == ()


def test_jump_line_broken_over_two_lines():
    text = (
        "The ferry company said the crossing would close for the next 14\n\n"
        "Continued on\nPage 9\n\nTide Tables Printed Weekly\n\nFrom Page\n1\n\n"
        "days while engineers replaced the landing ramp on the island side.\n"
    )
    result = repair(text, select=LAYOUT)
    assert result.text == (
        "The ferry company said the crossing would close for the next 14 days while engineers "
        "replaced the landing ramp on the island side.\n\nTide Tables Printed Weekly\n"
    )
    messages = [e.message for e in result.edits if e.rule == "furniture"]
    assert any("'Continued on Page 9'" in m for m in messages)
    assert any("'From Page 1'" in m for m in messages)


def test_two_lines_that_are_no_jump_line_together_stay():
    text = f"{BODY}\n\nSee the river\nfrom the bridge\n\n{BODY}\n"
    assert repair(text, select=["furniture"]).edits == ()
    # a pattern never matches across a line break within one line's test
    text = f"{BODY}\n\nContinued on Page\nof the annual report\n\n{BODY}\n"
    assert repair(text, select=["furniture"]).edits == ()


def test_jump_lines_without_the_word_page():
    for line in (
        "Continued on A12", "Continued from B4", "See LEVY, A4", "Please see FERRY on A6",
        "Please see HORNETS, B4", "LEVY from A1", "HORNETS | From B1", "LEVY continued from A1",
    ):
        text = f"{BODY}\n\n{line}\n\n{BODY}\n"
        assert clean(text, select=["furniture"]) == f"{BODY}\n\n{BODY}\n", line


def test_sentences_that_look_like_jumps_without_page_stay():
    for line in (
        "See the chart on A4.", "See the chart on A4", "Continued from there, the road climbs",
        "The road from A1", "Open from 9",
    ):
        text = f"{BODY}\n\n{line}\n\n{BODY}\n"
        assert repair(text, select=["furniture"]).edits == (), line


def test_story_stitched_under_its_slug():
    text = (
        f"{BODY}\n\nThe council said the new levy would pay for the\n\nSee LEVY, B2\n\n"
        "Ferry Service Resumes\n\nThe island crossing reopened to cars on Monday after the\n\n"
        f"Please see FERRY on B3\n\n{BODY}\n\nFERRY | From A1\n\n"
        "repairs to the landing ramp were finished ahead of time.\n"
    )
    out = clean(text, select=LAYOUT)
    # the continuation goes to the story its slug names, not to the jump
    # with the lowest page
    assert "reopened to cars on Monday after the repairs to the landing ramp" in out
    assert "pay for the repairs" not in out
    assert "See LEVY" not in out and "FERRY" not in out
    assert out.index("ahead of time.") < out.index(BODY[:40], out.index("Ferry Service"))


def test_a_table_moved_from_between_a_jump_keeps_its_rows():
    table = (
        "HARBOR LEAGUE STANDINGS\n"
        "Club                 Won   Lost\n"
        "Millbrook            6     1\n"
        "Alder Gap            4     3\n"
    )
    text = (
        "The ferry crews said they would keep the\n\nContinued on B2\n\n"
        f"{table}\n"
        "B2\n\nContinued from A1\n\n"
        "landing open through the winter storms.\n"
    )
    out = clean(text, select=LAYOUT)
    assert "would keep the landing open through the winter storms." in out
    # the rows stay together, one line each, as they stood
    assert table.rstrip("\n") in out


def test_numbered_headings_close_together_are_not_running_heads():
    text = (
        "Day 1 on the Ridge\n\nWe walked up from the village in the rain.\n\n"
        "Day 2 on the Ridge\n\nThe sky cleared overnight.\n"
    )
    assert repair(text, select=["furniture"]).edits == ()
    comments = (
        "Greta L. says:\nJune 9, 2026 at 8:05 am\nBaked it twice already.\n\nReply\n\n"
        "Omar K. says:\nJune 9, 2026 at 11:47 am\nSo good with lemon.\n"
    )
    assert repair(comments, select=["furniture"]).edits == ()


def test_numbered_running_head_a_page_apart_removed():
    text = _pages(3).replace("Lower Valley Water Board    Page ", "Lower Valley Water Board Report ")
    out = clean(text, select=["furniture"])
    assert "Water Board Report" not in out and out.count("Sentence 0 of page") == 3


def test_running_heads_of_facing_pages_removed():
    # a left page puts its number first, a right page last, and the words
    # between swap sides: each head is printed once
    body = "Sentence {} of the walk follows the creek past the mill and on up to the old fire tower."
    pages = [" ".join(body.format(f"{j} on page {i}") for j in range(8)) for i in range(4)]
    heads = ["36    HILL COUNTRY WALKER    AUTUMN 2025", "AUTUMN 2025    HILL COUNTRY WALKER    37",
             "38    HILL COUNTRY WALKER    AUTUMN 2025"]
    text = "\n\n".join(p + "\n\n" + h for p, h in zip(pages, heads)) + "\n\n" + pages[3] + "\n"
    result = repair(text, select=["furniture"])
    assert "WALKER" not in result.text
    assert result.text.count("Sentence 0 on page") == 4
    assert sum("running head removed" in e.message for e in result.edits) == 3


def test_headings_with_the_same_words_reordered_close_together_stay():
    text = (
        "Stage 3 Valley Loop North\n\nThe riders left the square at nine.\n\n"
        "North Valley Loop Stage 4\n\nRain fell on the last climb.\n"
    )
    assert repair(text, select=["furniture"]).edits == ()


def test_paragraphs_opening_with_the_same_words_and_other_figures_stay():
    # the same opening line with another sum, pages apart: no running head
    filler = " ".join(f"Clause {j} of the report sets out what the crews found on the pier." for j in range(12))
    openers = [
        "Money from the coastal defence fund, amounting to $48,200,\nhas been set aside for the north pier and its lights.",
        "Money from the coastal defence fund, amounting to $2.7\nmillion, will go to the new sea wall over three years.",
    ]
    text = f"{filler}\n\n{openers[0]}\n\n{filler}\n\n{filler}\n\n{openers[1]}\n\n{filler}\n"
    result = repair(text, select=["furniture"])
    assert result.edits == ()


def test_line_under_a_repeated_byline_stays():
    stories = []
    for name, head in (("ANA RUIZ", "Levy Passes"), ("BO PARK", "Ferry Returns"), ("CY DIAZ", "Plows Bought"), ("DI NG", "Roof Fixed")):
        stories.append(f"{head}\n\nBy {name}\n\nLedger Staff Writer\n\n{BODY}\n\n{BODY}\n\n{BODY}")
    text = "\n\n".join(stories) + "\n"
    result = repair(text, select=["furniture"])
    assert result.text.count("Ledger Staff Writer") == 4


def test_right_aligned_page_numbers_with_changing_padding_removed():
    para = "Buses ran late on nine routes this spring, the transit board said in its annual review."
    text = "".join(
        f"{para}\n\nRiver Transit Plan" + " " * (30 - len(str(n))) + f"Page {n} of 12\n\n" for n in (8, 9, 10)
    )
    out = clean(text, select=["furniture"])
    assert "Page" not in out and out.count(para) == 3


def test_continued_story_ends_before_the_next_section():
    # The continuation is one paragraph; the notices under their banner are
    # no part of it, and the story moved from between the jump and the
    # continuation must not be glued onto a notice that breaks off.
    text = (
        "DEATHS\n\nOlga Marsh\n\nOlga Marsh, 88, died Sunday in her garden. She sang in the chapel\n\n"
        "See MARSH, Page C3\n\nIvo Brandt\n\nIvo Brandt, 79, a retired ferryman, died May 4 in Pellby.\n\n"
        "C3 | THE PELLBY GAZETTE | FRIDAY\n\nMARSH | From C1\n\nchoir for half a century.\n\nPUBLIC NOTICES\n\n"
        "The parish council will meet on May 30 to hear an objection from\n"
    )
    out = clean(text, select=LAYOUT)
    assert "She sang in the chapel choir for half a century." in out
    assert "an objection from\n" in out and "objection from Ivo" not in out
    assert out.index("Ivo Brandt, 79") < out.index("PUBLIC NOTICES")
    assert "PUBLIC NOTICES\n\nThe parish council" in out
    assert "GAZETTE" not in out  # the head of the page the story jumped to


def test_headline_over_a_continuation_stays():
    text = (
        f"{BODY}\n\nThe survey crews had not yet reached the\n\nContinued on Page 12\n\n"
        f"Schools Close for Floods\n\n{BODY}\n\n12 Hurt as Weir Gives Way\n\nFrom Page 1\n\n"
        "upper weir when the rain began.\n"
    )
    assert "12 Hurt as Weir Gives Way" in clean(text, select=LAYOUT)


def test_continued_story_keeps_its_own_subheads():
    # A subhead inside the continuation ("PART 2", a title over no byline) is
    # the story's own: what was moved goes after the whole story.
    text = (
        f"{BODY}\n\nThe survey crews had not yet reached the\n\nContinued on Page 6\n\n"
        f"Schools Close for Floods\n\n{BODY}\n\nFrom Page 1\n\nupper weir when the rain began.\n\n"
        f"PART 2\n\nThe Long Night\n\n{BODY.replace('convoy', 'barge')}\n"
    )
    out = clean(text, select=LAYOUT)
    assert "reached the upper weir when the rain began." in out
    assert out.index("Schools Close for Floods") > out.index("The Long Night")


def test_page_number_inside_a_broken_sentence_removed():
    text = (
        "The survey found that older dams on the river were prone to slow\n\n"
        "                                  17\n\nseepage at the foot of the wall.\n"
    )
    out = clean(text, select=LAYOUT)
    assert "prone to slow seepage at the foot" in out and "17" not in out
    hyphen = "Crews reinforced the bank over a long dis-\n\n        52\n\ntance with river stone.\n"
    assert "a long distance with river stone" in clean(hyphen, select=LAYOUT)


def test_number_between_finished_sentences_stays():
    # after a finished sentence, or before a capital, a number alone is not
    # taken for a page number inside a sentence
    for text in (
        "The lock keeper counted the boats that passed in May.\n\n17\n\nmost of them were barges.\n",
        "The lock keeper counted the boats that passed in\n\n17\n\nMay, most of them barges.\n",
    ):
        assert repair(text, select=["furniture"]).edits == ()


def test_filing_head_with_labelled_fields_removed():
    # "Case:" opens the head like a speaker's label, but its fields stand
    # wide apart and one of them is the page number
    pages = [f"Docket: 31-207    Entry: 14-2    Page: {n}    Lodged: 03/09/2027\n\n{BODY}\n" for n in (1, 2, 3)]
    out = clean("\n".join(pages), select=["furniture"])
    assert "Docket:" not in out and out.count(BODY) == 3


def test_speaker_turns_naming_pages_stay():
    text = "".join(f"CLERK: Turn to page {n} of the exhibit.\n\n{BODY}\n\n" for n in (3, 4, 5))
    assert repair(text, select=["furniture"]).edits == ()


def test_centred_page_number_at_the_foot_of_a_text_removed():
    text = f"{BODY}\n\n                                   7\n"
    assert clean(text, select=["furniture"]).rstrip() == BODY
    # a number at the end flush with the text is left alone
    assert repair(f"{BODY}\n\n7\n", select=["furniture"]).edits == ()


def test_book_page_head_inside_a_sentence_removed():
    text = (
        "The old weir was rebuilt, so the parish clerk wrote, by\n\n"
        "112            ANNALS OF THE MARSH VILLAGES.\n\n"
        "a mason from the next valley who asked no wage.\n"
    )
    out = clean(text, select=LAYOUT)
    assert "wrote, by a mason from the next valley" in out and "ANNALS" not in out
    recto = "the ferry was laid\n\nOF THE FERRIES AND FORDS.          113\n\nup for the winter."
    assert "FERRIES" not in clean(f"{BODY} In the hard winter {recto}\n", select=["furniture"])


def test_contents_lines_with_page_numbers_stay():
    # a table of contents sets titles and page numbers apart the same way;
    # no sentence goes on under them
    text = (
        "CONTENTS\n\nOF THE MILLS UPON THE BROOK.            49\n\n"
        "OF THE FERRIES AND FORDS.            113\n\nThe first chapter tells of the mills.\n"
    )
    assert repair(text, select=["furniture"]).edits == ()


def _report(banner, titles, folio=True):
    """Short report pages, each under a banner, with facing folios."""
    out = []
    for n, title in enumerate(titles, 12):
        foot = f"{n}    Fernhill Water plc  Review of the Year 2027" if n % 2 == 0 else f"Fernhill Water plc  Review of the Year 2027    {n}"
        out.append(f"{banner}\n\n{title}\n\n{BODY}\n" + (f"\n{foot}\n" if folio else ""))
    return "\n".join(out)


def test_section_banner_on_every_page_removed_but_the_first():
    text = _report("OPERATING REVIEW", ["Our rivers", "Our customers", "Our finances", "Our risks"])
    out = clean(text, select=["furniture"])
    assert out.count("OPERATING REVIEW") == 1 and out.startswith("OPERATING REVIEW\n\nOur rivers")
    assert "Fernhill Water plc" not in out and out.count(BODY) == 4


def test_heading_repeated_without_page_furniture_stays():
    text = _report("OPERATING REVIEW", ["Our rivers", "Our customers", "Our finances"], folio=False)
    assert repair(text, select=["furniture"]).edits == ()


def test_chapter_heading_pages_apart_stays():
    # each chapter opens on a new page with the same heading; pages without
    # it stand between them: no banner
    page = f"{BODY}\n\nFernhill Water plc    Page {{}}\n\n"
    text = ""
    n = 1
    for chapter in ("One", "Two", "Three"):
        text += f"SUMMARY\n\nChapter {chapter}\n\n" + page.format(n) + page.format(n + 1)
        n += 2
    out = clean(text, select=["furniture"])
    assert out.count("SUMMARY") == 3


def test_an_indented_page_number_under_a_jump_line_goes_with_it():
    body = "The ferry crews kept the slipway clear of ice all week, working in shifts through the night. " * 3
    text = f"{body}and the\n\nContinued on Page 5\n\n              7\n\n{body}\n"
    result = repair(text, select=["furniture"])
    assert "Continued" not in result.text and "\n7\n" not in result.text and " 7\n" not in result.text
    assert [e.message.split(":")[0] for e in result.edits] == ["jump line removed", "page number removed"]


@pytest.mark.parametrize(
    "line",
    [
        "[19:04:12] >> THE WATER IS STILL RISING ALONG THE QUAY TONIGHT",  # closed captions
        "ANCHOR: THE WATER IS STILL RISING ALONG THE QUAY TONIGHT",  # a turn in capitals
        "HARBOUR MASTER OSEI: WE CLOSED THE QUAY AT SIX.",  # a turn that says a sentence
        "MOTION: TO ADOPT THE HARBOUR BUDGET AS AMENDED.",  # minutes
    ],
)
def test_repeated_lines_in_capitals_with_a_label_are_not_banners(line):
    # each line is a line of its own, twice, with other lines of the same
    # form around it: turns and motions, not section banners
    text = f"{line}\n{line.replace('QUAY', 'PIER')}\n\n{BODY}\n\n{line.replace('QUAY', 'SLIP')}\n"
    assert repair(text, select=["furniture"]).edits == ()


def _dictionary(heads):
    """Short dictionary pages, each under its page head."""
    entries = [
        "CANTLE, n. The raised rear part of a saddle.\nCANTO, n. A main division of a long poem.\n",
        "CANVAS, n. A strong cloth of hemp or flax.\nCANYON, n. A deep gorge cut by a river.\n",
        "CAPER, v. i. To leap about playfully.\nCAPITAL, n. The head or top of a column.\n",
    ]
    return "\n".join(f"{head}\n\n{entry}" for head, entry in zip(heads, entries))


def test_dictionary_page_heads_with_guide_words_removed():
    text = _dictionary(
        ["40                    CANTLE — CANTO", "CANVAS — CANYON                    41", "42                    CAPER — CAPITAL"]
    )
    out = clean(text, select=["furniture"])
    assert " — " not in out and "\n41" not in out and out.startswith("CANTLE, n. The raised rear part")
    assert "CANYON, n. A deep gorge" in out and "CAPITAL, n. The head" in out


def test_dash_titles_out_of_page_order_or_in_a_contents_list_stay():
    # guide words that do not run on from page to page are no dictionary's
    out_of_order = _dictionary(
        ["40                    CANTLE — CANTO", "CAPER — CAPITAL                    41", "42                    CANVAS — CANYON"]
    )
    assert repair(out_of_order, select=["furniture"]).edits == ()
    # titles one under the other, with their pages: a table of contents
    contents = "ARRIVAL — DUSK                    3\n\nEMBERS — HARVEST                    9\n\n" + BODY + "\n"
    assert repair(contents, select=["furniture"]).edits == ()


def _report_pages(banner):
    rule = "=" * 30
    pages = []
    for n, body in enumerate([BODY, BODY.replace("convoy", "lorry"), BODY.replace("convoy", "barge")], 6):
        head = "PART 3: CAPITAL WORKS" if n == 6 else banner
        pages.append(f"{rule}\n{head}\n{rule}\n\n{body}\n\nTown of Ashcombe Plan        Page {n} of 30\n")
    return "\n".join(pages)


def test_repeated_banner_goes_with_the_rule_lines_that_frame_it():
    result = repair(_report_pages("PART 3: CAPITAL WORKS (continued)"), select=["furniture"])
    out = result.text
    assert "(continued)" not in out and "Page 7" not in out
    # the first banner, its frame and the body text stay; no orphan rules
    rule = "=" * 30
    assert out.startswith(f"{rule}\nPART 3: CAPITAL WORKS\n{rule}\n\n") and out.count(rule) == 2
    assert any("framing 'PART 3: CAPITAL WORKS (continued)'" in e.message for e in result.edits)


def test_rule_lines_without_a_removed_banner_stay():
    rule = "-" * 30
    text = f"{BODY}\n\n{rule}\n\nNOTICE TO READERS\n{rule}\n\n{BODY}\n\n{rule}\n"
    assert repair(text, select=["furniture"]).edits == ()


def _jumped(jump_line, slug):
    return (
        "The ferry crews kept the slipway clear of ice all week. Nobody was injured.\n\n"
        f"{jump_line}\n\nCOURIER\nTUESDAY, MARCH 3, 2026 B7\n\n{slug}\nFrom Page B1\n\n"
        "Harbour officials expect the ice to clear by the end of the month.\n"
    )


def test_inside_page_head_and_the_slug_a_jump_named_removed():
    result = repair(_jumped("Please see FERRY, Page B7", "FERRY"), select=["furniture"])
    assert result.text == (
        "The ferry crews kept the slipway clear of ice all week. Nobody was injured.\n\n"
        "Harbour officials expect the ice to clear by the end of the month.\n"
    )
    assert "jump slug removed: 'FERRY'" in [e.message for e in result.edits]


def test_slug_no_jump_named_and_dated_head_of_another_page_stay():
    # the jump names no slug: the line in capitals may be a heading
    out = clean(_jumped("Continued on Page B7", "FERRY"), select=["furniture"])
    assert "\nFERRY\n" in out
    # the date line names another page than the jump: not that page's head
    out = clean(_jumped("Please see FERRY, Page B9", "FERRY"), select=["furniture"])
    assert "TUESDAY, MARCH 3, 2026 B7" in out and "COURIER" in out


LETTERHEAD = "            HARBOUR BOARD OF PELLWICK\n            14 Quay Street, Pellwick\n"


def test_letterhead_repeated_on_each_page_removed_with_its_page_numbers():
    pages = [BODY, BODY.replace("convoy", "ferry"), BODY.replace("convoy", "dredger")]
    text = LETTERHEAD + "\n" + pages[0] + "\n"
    for n, body in enumerate(pages[1:], 2):
        text += "\f" + LETTERHEAD + f"\n                                   - {n} -\n\n" + body + "\n"
    out = clean(text, select=["whitespace", "furniture"])
    # the letterhead heads the first page and stays there
    assert out.count("HARBOUR BOARD OF PELLWICK") == 1 and out.count("14 Quay Street") == 1
    assert out.startswith(LETTERHEAD) and "- 2 -" not in out and "- 3 -" not in out
    assert all(body in out for body in pages)


def test_indented_block_repeated_that_does_not_open_the_text_stays():
    verse = "            THE TIDE COMES IN AT EVENING\n            AND GOES OUT IN THE NIGHT\n"
    text = f"{BODY}\n\n{verse}\n{BODY}\n\n{verse}\n{BODY}\n"
    assert repair(text, select=["whitespace", "furniture"]).edits == ()
    # a refrain that opens a song, centred, comes back: no letterhead
    refrain = "            Haul away, my bonny lads\n            Haul away together\n"
    text = f"{refrain}\n{BODY}\n\n{refrain}\n{BODY}\n\n{refrain}\n{BODY}\n"
    assert repair(text, select=["whitespace", "furniture"]).edits == ()
