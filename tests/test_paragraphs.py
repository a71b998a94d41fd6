"""paragraphs: broken paragraphs and hard-wrapped lines (ARTIFACTS §3)."""

import pytest

from corpusclean import clean, repair
from corpusclean.paragraphs import fix_paragraphs


def para(text, **options):
    return clean(text, select=["paragraphs"], **options)


@pytest.mark.parametrize(
    "raw, fixed",
    [
        # the second half starts with a lowercase letter
        (
            "Week after week, then, hundreds upon\n\nhundreds of crates waited at the depot.",
            "Week after week, then, hundreds upon hundreds of crates waited at the depot.",
        ),
        (
            "It was a project that nobody wanted to own. It's\n\nabout time, the mayor said.",
            "It was a project that nobody wanted to own. It's about time, the mayor said.",
        ),
        # several blank lines between the halves
        (
            "The engineers feared the southern and northern\n\n\n\ndelegations would never agree.",
            "The engineers feared the southern and northern delegations would never agree.",
        ),
        # a quotation broken after a comma, continued with a capital
        (
            '"Look, we have been getting calls from everyone,"\n\nThe chief of staff told his counterpart in the south that talks should start soon.',
            '"Look, we have been getting calls from everyone," The chief of staff told his counterpart in the south that talks should start soon.',
        ),
        # the first half ends with a word that cannot end a sentence
        (
            "Without a deal, the south will have to finish the dam without\n\nNorthern support, which nobody in the capital expects to come.",
            "Without a deal, the south will have to finish the dam without Northern support, which nobody in the capital expects to come.",
        ),
        # a quoted continuation
        (
            'She said the timber roof was\n\n"warm, and it forgives you," and smiled.',
            'She said the timber roof was "warm, and it forgives you," and smiled.',
        ),
    ],
)
def test_broken_paragraphs_joined(raw, fixed):
    assert para(raw) == fixed
    assert fix_paragraphs(raw) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "PART 1\n\nThe Handover\n\nMR. AUREL had some reason for optimism.",
        "The Players\n\nNorth\n\nSouth",
        "REGION 2-11\n\nEx-Mayor Returns to the Bench\n\nGregor Adamczyk, a former mayor, was appointed to the court. PAGE 5\n\nSchools Close for Floods",
        "TRANSCRIPT\nQ: What happened on the river this winter?\nDS: The bank moved six metres in one week.",
        "SHOWNOTES:\nRiver Engineering and the Lower Valley (Podcast, June 4, 2025)\nGauge Readings for the Lower River (Water Authority, 2026)",
        "Q: And the governor?\nDS: I think he wants it finished, and\nQ: Finished by when?",
        "The report listed three causes:\n\n- erosion of the bank\n- delayed funding",
        "The first paragraph ends here.\n\nthe second starts lowercase but the first one was complete.",
        "One story ends without a stop\n\nThe Next Headline",
        "Roses are red,\nViolets are blue,\nSugar is sweet",
    ],
)
def test_traps_stay(text):
    assert repair(text, select=["paragraphs"]).edits == ()


def test_hard_wrapped_text_is_unwrapped_into_paragraphs():
    text = (
        "The Board met eleven times during the year. Its main concern was\n"
        "the eastern embankment, which suffered damage during the floods\n"
        "of January and February.\n"
        "Income from the river toll fell by a third, largely because barge\n"
        "traffic was suspended for six weeks.\n"
    )
    assert para(text) == (
        "The Board met eleven times during the year. Its main concern was the eastern "
        "embankment, which suffered damage during the floods of January and February.\n\n"
        "Income from the river toll fell by a third, largely because barge traffic was "
        "suspended for six weeks.\n"
    )


def test_hard_wrapped_crlf():
    text = "The river rose for a week and the crews worked\r\nthrough the night to close the breaches.\r\n"
    assert para(text) == "The river rose for a week and the crews worked through the night to close the breaches.\r\n"


def test_turn_continued_on_next_line_is_joined():
    text = "Q: What is left?\nDS: The gates are sitting in their crates and the money\nis frozen in the capital."
    assert para(text) == (
        "Q: What is left?\nDS: The gates are sitting in their crates and the money is frozen in the capital."
    )


def test_edits_are_named_and_replay():
    raw = "Week after week, then, hundreds upon\n\nhundreds of crates waited."
    result = repair(raw, select=["paragraphs"])
    (edit,) = result.edits
    assert edit.rule == "paragraphs" and edit.replacement == " "
    assert raw[edit.start : edit.end] == "\n\n"


def test_a_block_of_rules_and_dashes_is_left_alone_and_keeps_its_lines():
    text = (
        "The crews worked through the night on the\n\n***\n---\n* * *\n\n"
        "embankment, which held until the morning.\n\n-\n-\n-\n"
    )
    out = clean(text)
    assert "***\n---\n* * *" in out and out.endswith("-\n-\n-\n")
    from corpusclean.layout import split_units

    units = split_units(text)
    assert [text[u.start : u.end] for u in units][1:2] == ["***\n---\n* * *"]


def test_a_long_list_of_tokens_is_one_unit_and_left_alone():
    from corpusclean.layout import LONG_LIST_LINES, split_units

    tokens = "\n".join(["12", "Apr", "x", "0.5", "yes"] * (LONG_LIST_LINES // 5 + 1))
    text = f"The table below lists every reading of the\n\n{tokens}\n\nNext Section\n"
    units = split_units(text)
    assert [text[u.start : u.end] for u in units] == [
        "The table below lists every reading of the", tokens, "Next Section"
    ]
    assert tokens in clean(text)
    # a shorter list keeps a unit per line
    short = "\n".join(["12", "Apr", "x", "0.5", "yes"] * 10)
    assert len(split_units(short)) == 50


def test_an_article_never_joins_a_capitalised_article():
    # "walked the length of the" is broken off, but "The service ..." is not
    # its continuation: no sentence reads "the The"
    text = (
        "The inspectors walked the whole length of the\n\n"
        "NATIONAL PARK SERVICE\n\n"
        "The service closed the trail after the storm, and it stayed closed for a year.\n"
    )
    assert clean(text, select=["captions", "paragraphs"]) == text
    joined = "The crews had reached the\n\nnorthern end of the dam by noon, and they stopped there for the day.\n"
    assert clean(joined, select=["paragraphs"]).startswith("The crews had reached the northern end")


def test_a_story_that_jumps_away_is_not_continued_by_the_next_story():
    # the jump line's page is not in the file; the next story (headline,
    # byline, dateline) is not the continuation
    text = (
        "The harbor master wanted the ferries kept away from the\n\n"
        "Continued on Page B3\n\n"
        "Frost Closes Schools Across Two Counties\n\n"
        "By ODILE FONTAINE\n\n"
        "MILLBROOK, Vt. — Schools in two counties stayed closed on Tuesday after a hard frost.\n"
    )
    out = clean(text)
    assert "away from the\n" in out
    assert "away from the MILLBROOK" not in out and "away from the Frost" not in out
    assert "By ODILE FONTAINE\n\nMILLBROOK, Vt. — Schools" in out


def test_a_dateline_never_continues_but_a_capitalised_name_may():
    broken = "The harbor master wanted the ferries kept away from the\n\nMILLBROOK, Vt. — Schools stayed closed on Tuesday after a hard frost in the hills.\n"
    assert clean(broken, select=["paragraphs"]) == broken
    name = "The proposal was drafted by the\n\nHarbor Commission, which met in secret for most of the spring and summer.\n"
    assert clean(name, select=["paragraphs"]).startswith("The proposal was drafted by the Harbor Commission, which")


def test_a_byline_is_not_a_caption_between_halves():
    text = (
        "The new ferry schedule, the commission said, would take effect in the\n\n"
        "By Odile Fontaine and Rui Costa\n\n"
        "spring, once the harbor had been dredged and the old pier torn down.\n"
    )
    assert clean(text, select=["captions", "paragraphs"]) == text


def test_a_lowercase_continuation_wins_over_a_caption_sentence():
    # a short complete sentence between the halves, with or without a credit
    # line over it, is a caption: the lowercase paragraph after it continues
    for credit in ("", "Getty Images\n\n"):
        text = (
            "The governor inspected the flooded quay together with\n\n"
            f"{credit}"
            "A fallen oak lies across a parked van in Millbrook on Tuesday.\n\n"
            "the harbor master and two engineers, aides said.\n\n"
            "The tour lasted an hour.\n"
        )
        out = clean(text, select=["captions", "paragraphs"])
        assert out.startswith(
            "The governor inspected the flooded quay together with the harbor master and two engineers, aides said."
        ), out
        assert "A fallen oak lies across a parked van in Millbrook on Tuesday." in out
        assert "with A fallen oak" not in out


def test_a_capitalised_continuation_stays_without_a_lowercase_one():
    # with nothing in lowercase after it, the capitalised paragraph continues
    text = (
        "The governor inspected the flooded quay together with\n\n"
        "Harbor Master Ines Duarte and two engineers from the river authority.\n\n"
        "The tour lasted an hour.\n"
    )
    assert clean(text, select=["paragraphs"]).startswith(
        "The governor inspected the flooded quay together with Harbor Master Ines Duarte"
    )


NARROW_COLUMN = (
    "The ranger station at Alder Gap has no\n"
    "water, no radio mast and, on the after-\n"
    "noon we came, exactly one visitor. She\n"
    "had walked up from Millbrook with a dog,\n"
    "a thermos and what looked like an old\n"
    "Geiger counter but was a fishing scale.\n"
)


def test_a_narrow_column_with_a_broken_word_is_unwrapped_whole():
    # mending "after-/noon" makes one line twice the column's width; the
    # block is still one wrapped paragraph, so lines that start with a
    # capital ("Geiger") are joined too
    out = clean(NARROW_COLUMN)
    assert out == (
        "The ranger station at Alder Gap has no water, no radio mast and, on the afternoon we came, "
        "exactly one visitor. She had walked up from Millbrook with a dog, a thermos and what looked "
        "like an old Geiger counter but was a fishing scale.\n"
    )


def test_short_lines_over_a_wrapped_paragraph_stay_lines():
    text = "WORDS BY ODILE FONTAINE\nPICTURES BY RUI COSTA\n" + NARROW_COLUMN.replace("after-\nnoon", "after-\nnoon")
    out = clean(text)
    assert out.startswith("WORDS BY ODILE FONTAINE\nPICTURES BY RUI COSTA\n")
    assert "an old Geiger counter but was a fishing scale.\n" in out
    assert "The ranger station at Alder Gap has no water, no radio mast" in out


def test_a_line_far_longer_than_the_column_is_not_a_mended_word():
    from corpusclean.layout import is_wrapped

    column = ["the first of the things to carry", "and the second of them, all short", "and a third one"]
    # a line more than twice the column's width is no mended word
    assert not is_wrapped(column[:2] + ["and a line that goes on far longer than any of the others, well past the column"] + column[2:])
    # in a block of two lines, a second line longer than the first is not wrapped text
    assert not is_wrapped(["the first of the things", "and a line twice as long as the first one is"])


def test_a_paragraph_ending_in_two_broken_words_is_unwrapped_whole():
    # the last two lines each end in a broken word: mended, the paragraph's
    # last line is three lines long, and the block is still one paragraph,
    # so a line that starts with a name ("Thursday") is joined too
    text = (
        "Attendance rose sharply at the east branch, where the library opened\n"
        "Thursday evenings in March. Staff say most of the new visitors are\n"
        "parents with young children and older residents who cannot come in\n"
        "the daytime. Weekend hours will be reconsidered next spring, once\n"
        "a full year of figures is in, the head of the branch said. Evening\n"
        "story times, which began as a trial, will also continue, as will the\n"
        "homework help desk that volunteers from the high school have staf-\n"
        "fed since the autumn, and the free tax clinic, which will run on al-\n"
        "ternate Saturdays and on the first Sunday of every month.\n"
    )
    assert clean(text) == (
        "Attendance rose sharply at the east branch, where the library opened Thursday evenings in March. "
        "Staff say most of the new visitors are parents with young children and older residents who cannot "
        "come in the daytime. Weekend hours will be reconsidered next spring, once a full year of figures is "
        "in, the head of the branch said. Evening story times, which began as a trial, will also continue, "
        "as will the homework help desk that volunteers from the high school have staffed since the autumn, "
        "and the free tax clinic, which will run on alternate Saturdays and on the first Sunday of every month.\n"
    )
    from corpusclean.layout import is_wrapped

    # short lines over a line far longer than three of them stay lines
    assert not is_wrapped(["the first of the things to carry", "and the second of them, all short", "and a third one to",
                           "end with a line that goes on and on " * 4])


_WRAPPED_REPORT = (
    "The harbour board met four times this year, twice in the old customs\n"
    "house and twice on the ferry, which the chair called a cheaper room\n"
    "with a better view. Most of its time went on the north breakwater.\n"
    "\n"
    "{block}\n"
    "\n"
    "Repairs to the breakwater began in April and are due to end before\n"
    "the winter storms, although the contractor has warned that the stone\n"
    "from the quarry at Brack Point arrives more slowly than it promised.\n"
    "\n"
    "The board also agreed to raise mooring fees by four percent, the first\n"
    "rise since the pandemic, and to spend the money on lighting along the\n"
    "quay, where two people fell into the water last winter after dark.\n"
)


def test_two_lines_that_fill_the_documents_width_are_unwrapped():
    # two lines cannot tell a wrapped paragraph on their own, least of all
    # when the second opens with a name; the width the rest of the document
    # is wrapped at can
    block = (
        "The figures below compare the tonnage landed at the three quays\n"
        "September to March with the same months a year earlier."
    )
    out = clean(_WRAPPED_REPORT.format(block=block))
    assert "at the three quays September to March with the same months" in out
    turn = (
        "CHAIR: Thank you. We have three speakers signed up this evening. First,\n"
        "Harbour Master Ines Calloway, who has brought the survey with her."
    )
    assert "First, Harbour Master Ines Calloway" in clean(_WRAPPED_REPORT.format(block=turn))


@pytest.mark.parametrize(
    "block",
    [
        # a list of names on lines of their own
        "PRESENT: Chair Abiodun, Vice Chair Marsh, Members Ostrowski, Pell,\nQuint, Rasmussen\nABSENT: Member Tull",
        # a headline over its deck
        "Board Agrees to Raise Mooring Fees for the First Time Since 2020\nHarbour Master Says the Lighting Cannot Wait",
        # a short line over a long one
        "The board voted on three items.\nThe first was the fee rise, which passed by five votes to two, with no abstentions.",
        # the next line opens a turn
        "CHAIR: Thank you. We have three speakers signed up this evening, and\nMS. CALLOWAY: I will be brief, Madam Chair, as the survey speaks for itself.",
    ],
)
def test_lines_that_do_not_fill_the_width_or_start_anew_stay_lines(block):
    out = clean(_WRAPPED_REPORT.format(block=block))
    assert block in out


def test_two_lines_in_a_document_without_a_wrap_width_stay():
    block = (
        "The figures below compare the tonnage landed at the three quays\n"
        "September to March with the same months a year earlier."
    )
    text = "The harbour board met four times this year.\n\n" + block + "\n\nRepairs began in April.\n"
    assert clean(text) == text


def test_code_blocks_are_left_as_they_are():
    fenced = (
        "The loader we used for the survey was short and looked like\n"
        "this, more or less, in the version the team kept:\n\n"
        "```python\nrows = load(path,\n    skip=2)\n\n\n\ndef count(rows):\n    return len(rows)\n```\n\n"
        "It ran in a minute.\n"
    )
    out = clean(fenced)
    assert "```python\nrows = load(path,\n    skip=2)\n\n\n\ndef count(rows):\n    return len(rows)\n```" in out
    assert out.startswith("The loader we used for the survey was short and looked like this, more")
    indented = (
        "Analysts who want the counts can run the two lines below in a\n"
        "console of their own, as the handbook shows:\n\n"
        "    data = read_table(\"votes.tsv\")\n"
        "    data.by(\"ward\").total()\n\n"
        "and nothing more is needed.\n"
    )
    out = clean(indented)
    assert '    data = read_table("votes.tsv")\n    data.by("ward").total()\n\nand nothing' in out
    assert out.startswith("Analysts who want the counts can run the two lines below in a console")


def test_text_indented_throughout_is_still_unwrapped():
    # a page margin is no code block
    text = (
        "    The committee met four times during the spring and agreed\n"
        "    that the new bridge should carry a cycle lane on both sides.\n"
    )
    assert para(text) == (
        "    The committee met four times during the spring and agreed "
        "that the new bridge should carry a cycle lane on both sides.\n"
    )


def test_tables_and_timetables_keep_their_rows():
    table = (
        "TALKS\n\n"
        "3 June     Prof. K. Adeyemi      Salt marshes and the rising tide\n"
        "10 June    Dr. P. Lindqvist      Beetles of the northern forest\n"
    )
    assert para(table) == table
    schedule = (
        "Programme\n"
        "8:30 doors open and tea is served in the hall of the old library\n"
        "11:15 a walk along the canal led by the two wardens of the trust\n"
        "13:00 lunch\n"
    )
    assert para(schedule) == schedule


def test_justified_text_with_a_double_space_is_still_unwrapped():
    # a double space here and there is justification, not a column
    text = (
        "The harbour board met nine times during the year, and  its main\n"
        "concern was the western pier, which the storms of the winter had\n"
        "damaged in two places.  The repairs took most of the summer and\n"
        "cost less than the engineers had feared at the start of the work.\n"
    )
    out = para(text)
    assert out.count("\n") == 1 and "its main concern" in out
    # and a time at the start of one line is no timetable
    timed = (
        "The meeting of the council was opened by the mayor at\n"
        "9:30 in the morning, and the first item on the agenda was\n"
        "the budget for the new school in the eastern district.\n"
    )
    assert para(timed).count("\n") == 1


def test_a_mended_word_does_not_split_a_wrapped_paragraph_at_sentence_ends():
    # after "inspec-/tion" is mended, its line is far longer than the rest;
    # the other lines are still full lines, so a sentence that ends at a
    # line end does not end the paragraph
    text = (
        "The harbor board met twice in the spring and\n"
        "ordered a full inspection of the old sea wall.\n"
        "The engineers began their inspec-\n"
        "tion in May and had finished it by the end\n"
        "of June, well ahead of the autumn storms.\n"
    )
    assert clean(text) == (
        "The harbor board met twice in the spring and ordered a full inspection of the old sea wall. "
        "The engineers began their inspection in May and had finished it by the end of June, well "
        "ahead of the autumn storms.\n"
    )


def test_a_number_that_ends_a_citation_does_not_open_a_list_item():
    text = (
        "The objection was reasonable, which defeats a finding of bad faith as a matter of law. See id. at\n"
        "312. Until now, no court in the district had read such a clause so narrowly, and the lender's\n"
        "position, though wrong, was fairly argued when it was first put to the trial judge.\n"
    )
    out = para(text)
    assert "See id. at 312. Until now" in out
    assert "\n\n" not in out.strip()


def test_numbered_items_in_a_wrapped_block_stay_items():
    text = (
        "Before the survey starts, every volunteer on the river crew should do the following things in\n"
        "order, checking each one off on the sheet that the coordinator hands out at the landing stage:\n"
        "1. Collect a life jacket and a radio from the boat shed beside the slipway on the north bank\n"
        "2. Sign the register kept by the harbour office and note the time you expect to be back at\n"
        "3. Report to the skipper on duty before boarding, whatever the weather looks like that day\n"
    )
    out = para(text)
    assert "\n2. Sign" in out and "\n3. Report" in out


@pytest.mark.parametrize("face", [":-(", ":)", ";-)", "🙂", "👍🏽"])
def test_a_post_ending_in_an_emoticon_is_closed(face):
    text = (
        f"**mira_v** replied\n\nThe seedlings got scorched on the sill again this week {face}\n\n"
        "Reply · Quote · Like (3)\n\n**olek** replied\n\nMove them back a metre from the glass.\n"
    )
    out = clean(text)
    assert f"this week {face}\n\nReply · Quote · Like (3)\n\n**olek** replied\n\n" in out


@pytest.mark.parametrize("header", ["**olek** replied", "olek_22 wrote:", "Quote from olek_22"])
def test_a_post_header_never_continues_a_paragraph(header):
    text = f"I watered the beds every evening and still the leaves turned\n\n{header}\n\nMove them back a metre.\n"
    assert f"turned\n\n{header}\n\n" in clean(text)


def test_a_lowercase_continuation_that_says_something_is_still_joined():
    text = "All through the long winter the old ferryman\n\nhe said: the ice will hold, and it did.\n"
    assert "ferryman he said:" in para(text)


def test_a_name_after_a_title_without_a_stop_goes_on_on_the_next_line():
    text = (
        "After six years as treasurer, Ines Varga will stand down in May. We are pleased that Dr Oskar\n"
        "Lindqvist, a former director of a shipping firm, has agreed to take her place.\n"
    )
    assert "that Dr Oskar Lindqvist, a former" in para(text)


def test_a_new_line_after_a_title_and_name_stays_when_it_reads_as_a_sentence():
    text = "The last to speak was Dr Oskar\nMany of the members had already left the hall.\n"
    assert para(text) == text


@pytest.mark.parametrize("letter, rest, word", [("T", "he", "The"), ("S", "he", "She"), ("A", "fter", "After")])
def test_a_drop_cap_is_joined_to_its_word(letter, rest, word):
    text = f"By Ines Varga\n\n{letter}\n\n{rest} launch leaves the quay at dawn every day, full or empty.\n"
    result = repair(text)
    assert result.text == f"By Ines Varga\n\n{word} launch leaves the quay at dawn every day, full or empty.\n"
    assert any(e.rule == "paragraphs" and "drop cap" in e.message for e in result.edits)


@pytest.mark.parametrize(
    "text",
    [
        # the letter and the next word make a rarer word than the word alone
        "Section\n\nA\n\nmen and women of the valley signed the letter in the spring.\n",
        # the next paragraph starts with a capital
        "T\n\nHe ferry leaves the quay at dawn every day, full or empty.\n",
        # a column of letters
        "A\nn\nB\nt\n",
    ],
)
def test_a_lone_letter_that_is_no_drop_cap_stays(text):
    assert clean(text) == text


# -- glossary entries, hanging indents, quoted-printable breaks, interleaved stories


GLOSSARY = (
    "QUADRANT, n. An instrument for taking\n"
    "altitudes, once used by sailors at sea.\n"
    "QUAGMIRE, n. Soft, wet ground that\n"
    "shakes underfoot. Quaggy, a.\n"
    "QUAIL, v. i. To lose heart; to cower.\n"
    "QUAINT, a. Odd in an old way; fanciful;\n"
    "curious; neat. Quaint-minded,\n"
    "a. Given to whims.\n"
)


def test_a_glossary_entry_is_never_unwrapped_onto_the_one_above():
    out = para(GLOSSARY)
    assert "taking altitudes, once used by sailors at sea.\nQUAGMIRE, n." in out
    assert "that shakes underfoot. Quaggy, a.\nQUAIL, v. i." in out  # (after the abbreviation "a.")
    assert "\nQUAINT, a. Odd" in out


def test_a_run_on_entry_goes_on_past_its_part_of_speech():
    # "a." under "Quaint-minded," is the entry's part of speech, not a list item
    assert "fanciful; curious; neat. Quaint-minded, a. Given to whims.\n" in para(GLOSSARY)


def test_wrapped_prose_with_a_name_and_a_comma_at_a_line_start_is_still_unwrapped():
    text = (
        "The committee heard from three growers on the first morning, and\n"
        "Halvorsen, a dairy farmer from the valley, spoke for almost an hour\n"
        "about the price of feed and the state of the county roads in winter.\n"
    )
    assert para(text) == " ".join(text.split("\n")).strip() + "\n"


def test_a_letter_item_after_a_sentence_with_a_comma_stays_an_item():
    text = (
        "Members who wish to attend the spring meeting may write to the clerk,\n"
        "a. by post to the office on Mill Lane, or by hand at the front desk;\n"
        "b. by email to the address printed on the back of this notice form.\n"
    )
    assert "clerk,\n\na. by post" in para(text)


def test_a_hanging_indent_is_dropped_when_a_list_item_is_unwrapped():
    text = (
        "The grant will pay for:\n\n"
        "   •  $12 million in road repairs that the county has already promised to the\n"
        "      eastern townships and their bridges;\n"
        "   •  $3 million for new snowploughs.\n"
    )
    out = para(text)
    assert "promised to the eastern townships" in out
    assert "\n   •  $3 million" in out


def test_a_quoted_printable_soft_break_is_left_alone():
    text = (
        "The shop will be closed on the first two Mondays of the month while the floor is redone, and we are sorry for=\n"
        " the trouble; orders placed online will still go out the same day from the warehouse in town.\n"
    )
    assert "sorry for=\n" in para(text)


def test_an_equals_sign_with_a_space_before_it_is_unwrapped_as_prose():
    text = (
        "In the worked example on the board, the total cost of the three new pumps =\n"
        "the price of one pump times three, plus the delivery charge from the depot.\n"
    )
    assert "pumps = the price" in para(text)


INTERLEAVED = (
    "Ferry fares to rise in spring\n\nBy MIRA OSTROWSKI\n\n"
    "Passengers on the island ferry will pay a dollar more for each crossing from April, as the operator\n\n"
    "Library reopens after repairs\n\nBy DEV KAPOOR\n\n"
    "The main library on Harbour Street reopened on Monday after a leaking roof kept the reading room\n\n"
    "struggles with the price of fuel and an ageing fleet.\n\n"
    "closed for most of the summer and autumn.\n"
)


def test_a_lede_is_not_joined_across_another_story_to_an_orphan_continuation():
    out = para(INTERLEAVED)
    assert "reading room struggles" not in out
    assert "reading room\n\nstruggles with the price" in out


def test_a_lede_after_a_byline_is_still_joined_when_nothing_else_is_orphaned():
    text = (
        "Ferry fares to rise in spring\n\nBy MIRA OSTROWSKI\n\n"
        "Passengers on the island ferry will pay a dollar more for each crossing from April, as the operator\n\n"
        "Library reopens after repairs\n\nBy DEV KAPOOR\n\n"
        "The main library on Harbour Street reopened on Monday after a leaking roof kept the reading room\n\n"
        "closed for most of the summer and autumn.\n\n"
        "Staff said the loan desk would keep its usual hours.\n"
    )
    assert "kept the reading room closed for most of the summer" in para(text)
