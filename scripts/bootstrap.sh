#!/usr/bin/env bash
# Creates .venv and installs the project (with the extras named in $1, e.g. "test").
# On Debian/Ubuntu as root it also installs the system libraries Qt needs (and python3-venv when
# the interpreter cannot make a virtual environment). Safe to run again: it only does what is missing.
set -euo pipefail
extras="${1:-}"
py="${PYTHON:-python3}"
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"

apt_install() {
    # Installs the named Debian packages that are not installed yet (root + apt-get only).
    command -v apt-get >/dev/null 2>&1 || return 0
    command -v dpkg-query >/dev/null 2>&1 || return 0
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" != "0" ]; then
        echo "note: Qt may need these Debian packages: ${missing[*]} (run as root to install them)" >&2
        return 0
    fi
    echo "installing Debian packages: ${missing[*]}"
    # Package lists may be absent or stale on a fresh machine; update once, then install.
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

if [ ! -x .venv/bin/python ]; then
    if ! "$py" -m venv .venv 2>/dev/null; then
        rm -rf .venv
        ver="$("$py" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
        apt_install "python${ver}-venv" || apt_install python3-venv
        "$py" -m venv .venv
    fi
fi

# Libraries the Qt 6 wheels load (offscreen and xcb platforms, fonts, OpenGL, D-Bus) and
# poppler-utils for checking the generated PDFs.
apt_install libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
    libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
    libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 \
    libnss3 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxi6 libasound2 fonts-dejavu-core \
    poppler-utils || true

# The tests start a throw-away PostgreSQL server (tests/postgres/server.py): the Debian package brings
# initdb and pg_ctl, and the postgres user the server runs as when the tests run as root.
case ",$extras," in
    *,test,*) apt_install postgresql || true ;;
esac

stamp=".venv/.installed-${extras:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    echo "installing the project into .venv${extras:+ (extras: $extras)}"
    target="."
    [ -n "$extras" ] && target=".[${extras}]"
    # pip's output goes to a log and is shown only when the install fails.
    if ! { .venv/bin/python -m pip install -q --upgrade pip && .venv/bin/python -m pip install -q -e "$target"; } \
        >.venv/pip.log 2>&1; then
        cat .venv/pip.log >&2
        exit 1
    fi
    touch "$stamp"
fi
