"""The summary under (beside) the month grid: the month so far, from the domain figures."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from placement_desk.domain import casefile as cf
from placement_desk.domain.dossier import plan_of
from placement_desk.domain.figures import compute
from placement_desk.ui.attendance.style import month_title, short_hours, status_label
from placement_desk.ui.kit.formatting import fmt_date, fmt_rate


def month_summary_html(p: cf.Placement, first: date, last: date, on: date) -> str:
    """Planned, attended, attendance rate, days not registered and absence by reason, for the days
    of [first, last] up to ``on`` (today), computed with ``figures.compute``."""
    title = month_title(first.year, first.month)
    if first > on:
        not_begun = QCoreApplication.translate("Attendance", "The month has not begun yet.")
        return f"<b>{title}</b><br>{not_begun}"
    if last > on:
        last = on
        title = QCoreApplication.translate("Attendance", "%1 to %2").replace("%1", title).replace("%2", fmt_date(on))
    fig = compute([plan_of(p)], first, last, on)
    t = fig.total
    rows = [
        (QCoreApplication.translate("Attendance", "Planned"), short_hours(t.planned)),
        (QCoreApplication.translate("Attendance", "Attended hours"), short_hours(t.attended)),
        (QCoreApplication.translate("Attendance", "Attendance"), fmt_rate(t.attendance_rate)),
        (QCoreApplication.translate("Attendance", "Not registered"), days_text(t.unregistered_days)),
    ]
    if t.agreed_absence_days:
        rows.append((QCoreApplication.translate("Attendance", "Agreed absence (not counted)"),
                     days_text(t.agreed_absence_days)))  # fmt: skip
    html = [f"<b>{title}</b><table cellspacing='0' cellpadding='1'>"]
    html += [f"<tr><td>{k}:&nbsp;</td><td align='right'>{v}</td></tr>" for k, v in rows]
    html.append("</table>")
    absences = fig.absence_by_reason()
    if absences:
        heading = QCoreApplication.translate("Attendance", "Absence by reason")
        html.append(f"<b>{heading}</b><table cellspacing='0' cellpadding='1'>")
        for r in absences:
            html.append(
                f"<tr><td>{reason_text(r.reason)}:&nbsp;</td><td align='right'>"
                f"{short_hours(r.minutes)} ({days_text(r.days)})</td></tr>"
            )
        html.append("</table>")
    return "".join(html)


def days_text(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("Attendance", "1 day")
    return QCoreApplication.translate("Attendance", "%1 days").replace("%1", str(n))


def reason_text(reason: str) -> str:
    """An absence reason as the figures group it ('migræne', 'left_early', 'sick') for display."""
    if reason == "left_early":
        return QCoreApplication.translate("Attendance", "Left early")
    if reason in ("sick", "absent_unexcused", "absent_agreed", "present"):
        return status_label(reason)
    return reason[:1].upper() + reason[1:]
