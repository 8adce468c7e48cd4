"""Attribution patterns, each on a text written for the test."""
import pytest

from tallybook import extract

CASES = [
    # according to X, with apposition giving role and organisation
    ("According to Alexander Bastrykin, head of the Russian Investigative Committee, around 10,000 "
     "naturalized men have been sent to the front.", "around 10,000", "Alexander Bastrykin"),
    # X said / told / estimated
    ("Defence minister Sergei Shoigu said 300,000 reservists would be called up.", "300,000", "Sergei Shoigu"),
    ("The Nepalese government estimated that about 200 Nepalis serve in the Russian army.", "about 200",
     "Nepalese government"),
    ("Mediazona told reporters that it had confirmed 1,200 new names.", "1,200", "Mediazona"),
    # X's data / figures
    ("Mediazona's data show 5,000 deaths in the region.", "5,000", "Mediazona"),
    # a pronoun takes the last person named
    ("Alexander Bastrykin spoke at the forum. He also noted that over 30,000 migrants were identified.",
     "over 30,000", "Alexander Bastrykin"),
    # a short name takes the full name given earlier
    ("Alexander Bastrykin spoke at the forum. Bastrykin said 80,000 had not registered.", "80,000",
     "Alexander Bastrykin"),
    # "the ministry" takes the last organisation named
    ("The UK Ministry of Defence published its update. The ministry said about 1,500 were killed or "
     "wounded each day.", "about 1,500", "UK Ministry of Defence"),
    # a person in apposition to a role noun
    ("The head of the committee, Alexander Bastrykin, announced that 10,000 migrants were sent to the war.",
     "10,000", "Alexander Bastrykin"),
    # a reporting clause at the end of the sentence
    ("More than 600 soldiers died in the attack, Ukrainian officials said.", "More than 600",
     "Ukrainian officials"),
    # figures put on no one
    ("Reports indicate that an average of 913 soldiers die each day.", "an average of 913", None),
    ("Some 40 migrants were detained in the raid on a warehouse.", "Some 40", None),
    ("It is noted that about 200 citizens serve in the army.", "about 200", None),
]


@pytest.mark.parametrize("text,surface,speaker", CASES)
def test_speaker(text, surface, speaker):
    claims = {c.text: c for c in extract(text, lang="en")}
    assert surface in claims, list(claims)
    assert claims[surface].speaker == speaker


def test_role_and_organisation_from_apposition():
    text = ("According to Alexander Bastrykin, head of the Russian Investigative Committee, around 10,000 "
            "naturalized men have been sent to the front.")
    (claim,) = extract(text, lang="en")
    assert claim.speaker_role == "head"
    assert claim.speaker_org == "Russian Investigative Committee"
    assert claim.cue == "according to"
