"""Types entries into a sheet in LibreOffice Calc, as a person would, and saves it as .xlsx.

Run with the Python that has LibreOffice's ``uno`` module (Debian: python3-uno, /usr/bin/python3), not
the project's venv: ``python3 libreoffice_type.py IN.xlsx OUT.xlsx SHEET '[["F12", "8:30"], ...]'``.
Each entry goes through Calc's own input line (``.uno:EnterString``), so Calc decides what it is
(``8:30`` becomes a time with a time format), exactly as when typed. A private profile, and soffice is
stopped at the end whatever happens.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(source: str, target: str, sheet_name: str, entries: list[list[str]]) -> None:
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        pipe = f"placement-desk-{os.getpid()}"
        proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
             f"-env:UserInstallation={Path(profile).as_uri()}", f"--accept=pipe,name={pipe};urp;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            local = uno.getComponentContext()
            resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
            for _ in range(240):
                try:
                    ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                    break
                except NoConnectException:
                    time.sleep(0.25)
            else:
                raise SystemExit("soffice did not start")
            smgr = ctx.ServiceManager
            desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
            doc = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
            controller = doc.getCurrentController()
            dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
            sheet = doc.Sheets.getByName(sheet_name)
            controller.setActiveSheet(sheet)
            for address, text in entries:
                controller.select(sheet.getCellRangeByName(address))
                dispatcher.executeDispatch(
                    controller.getFrame(), ".uno:EnterString", "", 0, (prop("StringName", text),)
                )
            doc.storeToURL(Path(target).resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
            doc.close(True)
            with contextlib.suppress(Exception):  # the bridge goes away with the process
                desktop.terminate()
        finally:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4]))
