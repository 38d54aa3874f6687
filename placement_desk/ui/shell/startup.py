"""Start-up safety: the integrity check before anything is written, and the daily automatic backup."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from placement_desk.db.engine import Database
from placement_desk.services import audit, backup
from placement_desk.ui.kit.messages import danish_error
from placement_desk.ui.shell.work import Worker


def check_database(db: Database, parent: QWidget | None = None) -> bool:
    """True when the database may be opened. A damaged file is never written to: the user may restore
    the newest good backup (verified first) or quit."""
    if backup.integrity_ok(db):
        return True
    return offer_restore(db, parent)


def offer_restore(db: Database, parent: QWidget | None = None) -> bool:
    """The check failed: offer the newest good backup; True when it was restored and checks out."""
    folder = backup.default_folder(db)
    good = None
    for candidate in backup.list_backups(folder):
        try:
            good = backup.verify_backup(candidate.path, key=db.key)
            break
        except backup.BackupError:
            continue
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Startup", "The database is damaged"))
    if good is None:
        box.setText(
            QCoreApplication.translate(
                "Startup",
                "The database failed its integrity check and there is no good backup in %1. "
                "Nothing has been written. Contact your IT support.",
            ).replace("%1", str(folder))
        )
        box.exec()
        return False
    box.setText(
        QCoreApplication.translate(
            "Startup",
            "The database failed its integrity check. Nothing has been written.\n\n"
            "Restore the newest good backup from %1?",
        ).replace("%1", good.created.strftime("%d-%m-%Y %H:%M"))
    )
    restore = box.addButton(QCoreApplication.translate("Startup", "Restore backup"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QCoreApplication.translate("Startup", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is not restore:
        return False
    try:
        backup.restore_backup(db, good.path)
    except backup.BackupError as exc:  # why, in the UI's language
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Startup", "The database is damaged"),
            QCoreApplication.translate("Startup", "The backup could not be restored.") + "\n\n" + danish_error(exc),
        )
        return False
    return backup.integrity_ok(db)


def start_background_check(
    db: Database, parent: QWidget, refresh: Callable[[], None], read_only: Callable[[], None] = lambda: None
) -> Worker | None:
    """The quick integrity check after the window is on screen (it reads the whole file: about a second
    on a big database, in a thread beside the window). Until it is done the user reads; if it fails,
    every write is refused from then on (``Database.write_refusal``) and the newest good backup is
    offered — restored, the app goes on; declined, it stays read-only (``read_only`` tells the window):
    reads go on, their audit entries wait in the read journal (services.read_journal). A check that
    passes, or a restore, folds a journal left by an earlier read-only session into the audit log."""
    if db.engine.dialect.name != "sqlite":
        return None
    worker = Worker(lambda _progress: backup.integrity_problems(db), parent)

    def done(problems: object) -> None:
        if not problems:
            fold_journal(db)
            return
        assert isinstance(problems, list)
        refusal = "; ".join(str(p) for p in problems[:5])
        logging.error("integrity check failed: %s", refusal)
        restored = False
        try:  # the dialog is modal: nothing else writes meanwhile; the restore itself must
            restored = offer_restore(db, parent)
        except Exception:
            logging.exception("restoring the newest backup failed")
        if restored:
            fold_journal(db)
            refresh()
            return
        db.write_refusal = refusal
        read_only()
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("Startup", "The database is damaged"),
            QCoreApplication.translate(
                "Startup", "Placement Desk will not save anything to this database. You can still read it."
            ),
        )

    worker.finished_ok.connect(done)
    worker.failed.connect(lambda exc: logging.warning("integrity check could not run: %s", exc))
    worker.finished.connect(worker.deleteLater)
    worker.start()
    return worker


def fold_journal(db: Database) -> None:
    """The reads journaled while the database refused writes, into its audit log (a failure is logged:
    the journal stays for the next start)."""
    try:
        added = audit.fold_read_journal(db)
    except Exception:
        logging.exception("the read journal could not be added to the audit log")
        return
    if added:
        logging.info("%d reads made while the database was read-only were added to the audit log", added)


def start_daily_backup(db: Database, parent: QWidget) -> Worker | None:
    """Make today's backup in the background if none was made today (embedded database only)."""
    if db.engine.dialect.name != "sqlite":
        return None
    worker = Worker(lambda _progress: backup.backup_if_due(db), parent)
    worker.failed.connect(lambda exc: logging.warning("automatic backup failed: %s", exc))
    worker.finished.connect(worker.deleteLater)
    worker.start()
    return worker
