"""installer.iss agrees with the project: the bundle layout of the PyInstaller spec, the console script,
the one version number, a per-user install with the data kept local and kept on uninstall.

Needs neither Windows, Inno Setup nor PyInstaller: the script, the spec and the Makefile are read as text.
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import struct
import subprocess
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

import pytest

import placement_desk

ROOT = Path(__file__).resolve().parent.parent
ISS = ROOT / "installer.iss"
SPEC = ROOT / "packaging" / "placement_desk.spec"


@dataclass
class InnoScript:
    defines: dict[str, str] = field(default_factory=dict)
    directives: list[str] = field(default_factory=list)
    sections: dict[str, list[str]] = field(default_factory=dict)

    def setup(self) -> dict[str, str]:
        pairs = (line.split("=", 1) for line in self.sections["setup"] if "=" in line)
        return {key.strip().lower(): value.strip() for key, value in pairs}

    def entries(self, section: str) -> list[dict[str, str]]:
        return [parse_entry(line) for line in self.sections.get(section, [])]


def split_params(line: str) -> list[str]:
    """`Name: "a;b"; Flags: x` -> ['Name: "a;b"', 'Flags: x'] (semicolons inside quotes kept)."""
    parts, current, quoted = [], "", False
    for char in line:
        if char == '"':
            quoted = not quoted
        if char == ";" and not quoted:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    return parts


def parse_entry(line: str) -> dict[str, str]:
    entry = {}
    for part in split_params(line):
        key, _, value = part.partition(":")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1].replace('""', '"')
        entry[key.strip().lower()] = value
    return entry


def parse_iss(text: str) -> InnoScript:
    """Sections, [Setup] directives and entries, with the preprocessor's simple {#Name} expanded."""
    script = InnoScript()
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or (line.startswith(";") and section != "code"):
            continue
        if line.startswith("#"):
            script.directives.append(line)
            match = re.fullmatch(r'#define\s+(\w+)\s+"(.*)"', line)
            if match:
                script.defines[match.group(1)] = match.group(2)
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            section = match.group(1).lower()
            script.sections.setdefault(section, [])
            continue
        if section is not None:
            script.sections[section].append(line)

    def expand(value: str) -> str:
        for _ in range(5):  # defines may use defines
            value = re.sub(r"\{#(\w+)\}", lambda m: script.defines.get(m.group(1), m.group(0)), value)
        return value

    script.defines = {name: expand(value) for name, value in script.defines.items()}
    script.sections = {name: [expand(line) for line in lines] for name, lines in script.sections.items()}
    return script


@pytest.fixture(scope="module")
def iss_text() -> str:
    return ISS.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="module")
def iss(iss_text: str) -> InnoScript:
    return parse_iss(iss_text)


def console_script() -> str:
    scripts: dict[str, str] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    names = [name for name, target in scripts.items() if target == "placement_desk.cli.main:main"]
    assert len(names) == 1, scripts
    return names[0]


def spec_value(tree: ast.Module, node: ast.expr) -> str:
    """A spec expression built from string constants, module-level names and `+`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return spec_value(tree, node.left) + spec_value(tree, node.right)
    if isinstance(node, ast.Name):
        for stmt in tree.body:
            if isinstance(stmt, ast.Assign) and any(getattr(t, "id", None) == node.id for t in stmt.targets):
                return spec_value(tree, stmt.value)
    raise AssertionError(f"cannot read {ast.dump(node)} from the spec")


@dataclass
class SpecLayout:
    folder: str  # COLLECT name: dist/<folder>/
    executables: list[str]  # EXE names (".exe" added on Windows)
    icon: str


def spec_layout() -> SpecLayout:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)]
    collect = [c for c in calls if c.func.id == "COLLECT"]  # type: ignore[attr-defined]
    assert len(collect) == 1, "the spec builds one one-folder bundle"
    name = next(k.value for k in collect[0].keywords if k.arg == "name")
    exe_names = [spec_value(tree, c.args[0]) for c in calls if c.func.id == "executable"]  # type: ignore[attr-defined]
    assert exe_names, "the spec makes its executables with executable(name, console)"
    icon = next(s for s in tree.body if isinstance(s, ast.Assign) and getattr(s.targets[0], "id", None) == "ICON")
    return SpecLayout(spec_value(tree, name), exe_names, "/".join(path_parts(icon.value)))


def path_parts(node: ast.expr) -> list[str]:
    """ROOT / "a" / "b" in the spec -> ["a", "b"] (ROOT, the repository, dropped)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return path_parts(node.left) + path_parts(node.right)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    assert isinstance(node, ast.Name) and node.id == "ROOT", ast.dump(node)
    return []


# --- the one version number -------------------------------------------------------------------------


def test_the_version_is_passed_in_never_written_down(iss: InnoScript, iss_text: str) -> None:
    directives = " ".join(iss.directives)
    assert re.search(r"#ifndef MyAppVersion #error", directives), "a missing /DMyAppVersion must stop iscc"
    assert "MyAppVersion" not in iss.defines, "the version must come from /DMyAppVersion, not a #define"
    setup = iss.setup()
    assert setup["appversion"] == "{#MyAppVersion}"
    assert "{#MyAppVersion}" in setup["outputbasefilename"]
    assert placement_desk.__version__ not in iss_text
    code_free = "\n".join(line for line in iss_text.splitlines() if not line.lstrip().startswith(";"))
    assert not re.search(r"\bAppVer\w*\s*=\s*\d", code_free)


def test_make_passes_placement_desk_version_to_iscc() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"/DMyAppVersion=\$\(VERSION\) installer\.iss", makefile)
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    dry = subprocess.run(
        ["make", "-n", "--no-print-directory", "dist"], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    assert f"/DMyAppVersion={placement_desk.__version__} installer.iss" in dry
    assert re.search(r"PyInstaller packaging/placement_desk\.spec .*--distpath dist\b", dry)


# --- the bundle layout and the executable -----------------------------------------------------------


def test_every_source_is_in_the_bundle_the_spec_builds(iss: InnoScript) -> None:
    layout = spec_layout()
    bundle = PureWindowsPath("dist", layout.folder)
    top_level = {f"{name}.exe" for name in layout.executables} | {"_internal"}
    files = iss.entries("files")
    assert files, "the installer ships nothing"
    for entry in files:
        source = PureWindowsPath(entry["source"])
        assert source.parts[: len(bundle.parts)] == bundle.parts, f"{source} is not inside {bundle}\\"
        rest = source.parts[len(bundle.parts) :]
        assert rest, f"{source} names the folder itself, not its files"
        if rest == ("*",):
            flags = entry.get("flags", "").split()
            assert {"recursesubdirs", "createallsubdirs"} <= set(flags), "_internal\\ must be copied too"
        else:
            assert rest[0] in top_level, f"{source}: the bundle has no {rest[0]} (it has {sorted(top_level)})"
    built = ROOT / "dist" / layout.folder
    if built.is_dir():  # a bundle from `make dist` on this machine: the sources match real files
        for entry in files:
            pattern = "/".join(PureWindowsPath(entry["source"]).parts[len(bundle.parts) :])
            assert list(built.glob(pattern)), f"{entry['source']} matches nothing in {built}"


def test_the_shortcuts_start_the_console_script(iss: InnoScript) -> None:
    script = console_script()
    layout = spec_layout()
    assert layout.folder == script, "dist\\<console script>\\ is the bundle folder"
    assert script in layout.executables, "the spec builds an executable named like the console script"
    exe = f"{script}.exe"
    assert iss.defines["MyAppExeName"] == exe
    targets = [e["filename"] for e in iss.entries("icons")] + [e["filename"] for e in iss.entries("run")]
    assert targets
    assert all(target == f"{{app}}\\{exe}" for target in targets), targets
    assert iss.setup()["uninstalldisplayicon"] == f"{{app}}\\{exe}"


def test_start_menu_and_optional_desktop_shortcut(iss: InnoScript) -> None:
    icons = iss.entries("icons")
    assert any(e["name"].startswith("{autoprograms}\\") and "tasks" not in e for e in icons)
    desktop = [e for e in icons if e["name"].startswith("{autodesktop}\\")]
    assert len(desktop) == 1 and desktop[0]["tasks"] == "desktopicon"
    tasks = {e["name"]: e for e in iss.entries("tasks")}
    assert "unchecked" in tasks["desktopicon"]["flags"].split()


# --- per user, local data, kept on uninstall ---------------------------------------------------------


def test_per_user_install_into_local_app_data(iss: InnoScript, iss_text: str) -> None:
    setup = iss.setup()
    assert setup["privilegesrequired"] == "lowest"
    assert "privilegesrequiredoverridesallowed" not in setup
    assert setup["defaultdirname"].startswith("{localappdata}\\")
    used = "\n".join(line for line in iss_text.splitlines() if not line.lstrip().startswith(";")).lower()
    for roaming in ("{userappdata}", "{userdocs}", "{commonappdata}", "{commondocs}", "{autoappdata}", "onedrive"):
        assert roaming not in used, f"{roaming}: data must stay local, never synced"


def test_the_uninstaller_asks_before_deleting_the_apps_data_folder(iss: InnoScript) -> None:
    from placement_desk.db.engine import APP_NAME

    assert iss.defines["MyAppDataDir"] == f"{{localappdata}}\\{APP_NAME}"
    code = "\n".join(iss.sections["code"])
    assert "procedure CurUninstallStepChanged" in code
    assert "MB_DEFBUTTON2" in code, "No must be the default answer"
    assert "UninstallSilent" in code, "a silent uninstall must keep the data"
    assert re.search(r"= IDYES then\s+begin\s+DelTree\(DataDir", code), "delete only after Yes"
    assert code.count("DelTree(") == 1
    for entry in iss.entries("uninstalldelete"):
        assert APP_NAME not in entry["name"], "[UninstallDelete] must not remove the user's data"


def test_the_app_keeps_its_data_where_the_uninstaller_looks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows platformdirs puts the database and the log in %LOCALAPPDATA%\\PlacementDesk."""
    import platformdirs
    import platformdirs.windows

    folders = {"CSIDL_LOCAL_APPDATA": tmp_path / "Local", "CSIDL_APPDATA": tmp_path / "Roaming"}
    monkeypatch.setattr(platformdirs.windows, "get_win_folder", lambda csidl: str(folders[csidl]))
    monkeypatch.setattr(platformdirs, "PlatformDirs", platformdirs.windows.Windows)
    from placement_desk.app import log_dir
    from placement_desk.db.engine import APP_NAME, default_database_path

    data = folders["CSIDL_LOCAL_APPDATA"] / APP_NAME
    assert default_database_path().parent == data
    assert log_dir().is_relative_to(data)


# --- languages and icon ------------------------------------------------------------------------------


def test_danish_and_english(iss: InnoScript) -> None:
    files = {e["name"]: e["messagesfile"] for e in iss.entries("languages")}
    assert list(files.values()) == ["compiler:Languages\\Danish.isl", "compiler:Default.isl"]
    custom = {line.split("=", 1)[0] for line in iss.sections["custommessages"]}
    assert {f"{lang}.DeleteUserData" for lang in files} <= custom


def ico_sizes(path: Path) -> set[int]:
    data = path.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1), f"{path} is not an .ico"
    return {(data[6 + 16 * i] or 256) for i in range(count)}


def test_the_icon_exists_in_every_form(iss: InnoScript) -> None:
    setup_icon = ROOT / PureWindowsPath(iss.setup()["setupiconfile"]).as_posix()
    assert setup_icon.is_file()
    assert setup_icon == ROOT / spec_layout().icon, "the installer and the executable share one icon"
    assert {16, 32, 48, 256} <= ico_sizes(setup_icon)
    png = setup_icon.with_suffix(".png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
    assert "<svg" in setup_icon.with_suffix(".svg").read_text(encoding="utf-8")
