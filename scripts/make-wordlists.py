#!/usr/bin/env python3
"""Builds Decant's compact word lists from Debian's public-domain word lists.

  wamerican (SCOWL, public domain / permissive)  -> Sources/DecantEncoding/Resources/wordlists/en.words
  wspanish  (word list: public domain)           -> Sources/DecantEncoding/Resources/wordlists/es.words

German (wngerman) and French (wfrench) are GPL-2+, so they are not copied into the repository:
Decant reads /usr/share/dict/ngerman and /usr/share/dict/french at run time when installed
(scripts/bootstrap.sh installs them).

Format ("front coding"): sorted words, one per line; each line is one character giving how many
leading characters it shares with the previous word (chr(ord('0') + n), n <= 40), then the rest.
Run: python3 scripts/make-wordlists.py   (needs: apt-get install wamerican wspanish)
"""
import os
import sys

SOURCES = {"en": "/usr/share/dict/american-english", "es": "/usr/share/dict/spanish"}
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "DecantEncoding", "Resources", "wordlists")


def front_code(words):
    previous = ""
    for word in words:
        shared = 0
        limit = min(len(previous), len(word), 40)
        while shared < limit and previous[shared] == word[shared]:
            shared += 1
        yield chr(ord("0") + shared) + word[shared:]
        previous = word


def main():
    os.makedirs(OUT, exist_ok=True)
    for lang, path in SOURCES.items():
        if not os.path.exists(path):
            sys.exit(f"make-wordlists: {path} is missing; apt-get install wamerican wspanish")
        with open(path, encoding="utf-8") as f:
            words = sorted({w.strip() for w in f if w.strip() and len(w.strip()) <= 30})
        with open(os.path.join(OUT, lang + ".words"), "w", encoding="utf-8") as f:
            f.write("\n".join(front_code(words)) + "\n")
        print(f"{lang}: {len(words)} words")


if __name__ == "__main__":
    main()
