"""EXTRACTOR_VERSION moves whenever a rule, lexicon or pack file changes, and only then."""

from __future__ import annotations

import shutil

from tallybook import __version__
from tallybook.version import PACKAGE, RULE_FILES, extractor_version


def copy_of_package(tmp_path):
    root = tmp_path / "tallybook"
    for pattern in RULE_FILES:
        for path in PACKAGE.glob(pattern):
            target = root / path.relative_to(PACKAGE)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return root


def test_the_version_is_the_package_version_and_a_digest():
    version = extractor_version(__version__)
    assert version.startswith(f"{__version__}+") and len(version) == len(__version__) + 11


def test_the_version_moves_when_a_lexicon_or_a_rule_changes(tmp_path):
    root = copy_of_package(tmp_path)
    same = extractor_version(__version__, root)
    assert same == extractor_version(__version__)
    lexicon = root / "lexicons" / "en.toml"
    lexicon.write_text(
        lexicon.read_text(encoding="utf-8").replace('and = ["and", "&"]', 'and = ["and", "&", "plus"]'),
        encoding="utf-8",
    )
    changed = extractor_version(__version__, root)
    assert changed != same
    rule = root / "numbers" / "kinds.py"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# a new rule\n", encoding="utf-8")
    assert extractor_version(__version__, root) not in (same, changed)


def test_files_outside_the_rules_do_not_move_it(tmp_path):
    root = copy_of_package(tmp_path)
    (root / "cli.py").write_text("# the command line changes nothing extracted\n", encoding="utf-8")
    assert extractor_version(__version__, root) == extractor_version(__version__)
