"""Writes resources/brief-template.docx, the Word template of exported briefs.

Run `python resources/make_template.py` after changing `workbench/export/template.py`. A newsroom may instead edit
the .docx itself in Word (styles such as "Heading 1", "Brief Claim", "Brief Table"; the logo in the header).
"""

from pathlib import Path

from workbench.export.template import build_template

if __name__ == "__main__":
    target = Path(__file__).resolve().parent / "brief-template.docx"
    build_template().save(target)
    print(f"wrote {target}")
