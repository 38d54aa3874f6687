<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="da_DK">
<context>
    <name />
    <message>
        <source>Holiday</source>
        <translation>Helligdag</translation>
    </message>
</context>
<context>
    <name>AccommodationDialog</name>
    <message>
        <source>Edit accommodation need</source>
        <translation>Rediger skånehensyn</translation>
    </message>
    <message>
        <source>New accommodation need</source>
        <translation>Nyt skånehensyn</translation>
    </message>
    <message>
        <source>Need</source>
        <translation>Skånehensyn</translation>
    </message>
    <message>
        <source>e.g. clear and simple instructions; no heavy lifting</source>
        <translation>fx klare og enkle instruktioner; ingen tunge løft</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Afdækket</translation>
    </message>
    <message>
        <source>Applies now</source>
        <translation>Gælder nu</translation>
    </message>
    <message>
        <source>Retired on</source>
        <translation>Afsluttet den</translation>
    </message>
</context>
<context>
    <name>AccommodationsTab</name>
    <message>
        <source>Need</source>
        <translation>Skånehensyn</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Identified</source>
        <translation>Afdækket</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>applies</source>
        <translation>gælder</translation>
    </message>
    <message>
        <source>retired %1</source>
        <translation>afsluttet %1</translation>
    </message>
    <message>
        <source>Accommodations</source>
        <translation>Skånehensyn</translation>
    </message>
    <message>
        <source>New need…</source>
        <translation>Nyt skånehensyn…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>Retire accommodation need</source>
        <translation>Afslut skånehensyn</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Not registered</source>
        <translation>Ikke registreret</translation>
    </message>
    <message>
        <source>Fewer hours</source>
        <translation>Færre timer</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Syg</translation>
    </message>
    <message>
        <source>Agreed absence</source>
        <translation>Fravær aftalt</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Udeblevet</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>Helligdag</translation>
    </message>
    <message>
        <source>Nothing planned</source>
        <translation>Intet planlagt</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Mødt</translation>
    </message>
    <message>
        <source>AA</source>
        <translation>F</translation>
    </message>
    <message>
        <source>NS</source>
        <translation>U</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>man</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>tir</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>ons</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>tor</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>fre</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>lør</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>søn</translation>
    </message>
    <message>
        <source>January</source>
        <translation>januar</translation>
    </message>
    <message>
        <source>February</source>
        <translation>februar</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marts</translation>
    </message>
    <message>
        <source>April</source>
        <translation>april</translation>
    </message>
    <message>
        <source>May</source>
        <translation>maj</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juni</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juli</translation>
    </message>
    <message>
        <source>August</source>
        <translation>august</translation>
    </message>
    <message>
        <source>September</source>
        <translation>september</translation>
    </message>
    <message>
        <source>October</source>
        <translation>oktober</translation>
    </message>
    <message>
        <source>November</source>
        <translation>november</translation>
    </message>
    <message>
        <source>December</source>
        <translation>december</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 t</translation>
    </message>
    <message>
        <source>week %1</source>
        <translation>uge %1</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>timer</translation>
    </message>
    <message>
        <source>Outside the placement's period</source>
        <translation>Uden for forløbets periode</translation>
    </message>
    <message>
        <source>Planned: %1</source>
        <translation>Planlagt: %1</translation>
    </message>
    <message>
        <source>Week: planned %1, registered %2</source>
        <translation>Ugen: planlagt %1, registreret %2</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>I alt</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Registreret</translation>
    </message>
    <message>
        <source>Reason / note</source>
        <translation>Årsag / notat</translation>
    </message>
    <message>
        <source>The month has not begun yet.</source>
        <translation>Måneden er ikke begyndt endnu.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 til %2</translation>
    </message>
    <message>
        <source>Attended hours</source>
        <translation>Fremmødte timer</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Agreed absence (not counted)</source>
        <translation>Aftalt fravær (ikke medregnet)</translation>
    </message>
    <message>
        <source>Absence by reason</source>
        <translation>Fravær fordelt på årsag</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dage</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>Gået tidligt</translation>
    </message>
    <message>
        <source>Attendance %1: %2</source>
        <translation>Fremmøde %1: %2</translation>
    </message>
    <message>
        <source>Could not read '%1' as hours: write e.g. 2, 2,5 or 1.75.</source>
        <translation>Kunne ikke læse '%1' som timer: skriv fx 2, 2,5 eller 1,75.</translation>
    </message>
    <message>
        <source>Only agreed absence (F) can be registered ahead of the day.</source>
        <translation>Kun aftalt fravær (F) kan registreres før dagen.</translation>
    </message>
    <message>
        <source>Clear attendance %1</source>
        <translation>Slet fremmøde %1</translation>
    </message>
    <message>
        <source>Week %1 as planned</source>
        <translation>Uge %1 som planlagt</translation>
    </message>
    <message>
        <source>All as planned %1</source>
        <translation>Alle som planlagt %1</translation>
    </message>
</context>
<context>
    <name>AttendancePage</name>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Dag</translation>
    </message>
    <message>
        <source>W&amp;eek</source>
        <translation>&amp;Uge</translation>
    </message>
    <message>
        <source>Back (PageUp)</source>
        <translation>Tilbage (PageUp)</translation>
    </message>
    <message>
        <source>On (PageDown)</source>
        <translation>Frem (PageDown)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>&amp;Everyone present as planned</source>
        <translation>&amp;Alle mødt som planlagt</translation>
    </message>
    <message>
        <source>Everyone expected, present as planned</source>
        <translation>Alle forventede er mødt som planlagt</translation>
    </message>
    <message>
        <source>Who is expected</source>
        <translation>Hvem er ventet</translation>
    </message>
    <message>
        <source>Enter or Space = present as planned · a number = hours · S sick · F agreed absence · U no-show · R reason · Delete = clear · PageUp/PageDown = back/on</source>
        <translation>Enter eller mellemrum = mødt som planlagt · et tal = timer · S syg · F fravær aftalt · U udeblevet · R årsag · Delete = slet · PageUp/PageDown = tilbage/frem</translation>
    </message>
    <message>
        <source>Company:</source>
        <translation>Virksomhed:</translation>
    </message>
    <message>
        <source>Statement…</source>
        <translation>Udtalelse…</translation>
    </message>
    <message>
        <source>The workplace's own statement about the selected citizen</source>
        <translation>Virksomhedens egen udtalelse om den valgte borger</translation>
    </message>
    <message>
        <source>Nobody is expected at %1 on this day.</source>
        <translation>Ingen er ventet hos %1 denne dag.</translation>
    </message>
    <message>
        <source>Nobody is expected at %1 this week.</source>
        <translation>Ingen er ventet hos %1 denne uge.</translation>
    </message>
    <message>
        <source>Everyone expected is registered already.</source>
        <translation>Alle forventede er allerede registreret.</translation>
    </message>
    <message>
        <source>The day is outside the placement's period.</source>
        <translation>Dagen ligger uden for forløbets periode.</translation>
    </message>
    <message>
        <source>Nothing is planned on this day: type the hours instead.</source>
        <translation>Der er intet planlagt denne dag: skriv timerne i stedet.</translation>
    </message>
    <message>
        <source>Only agreed absence (F) can be registered ahead of the day.</source>
        <translation>Kun aftalt fravær (F) kan registreres før dagen.</translation>
    </message>
    <message>
        <source>Nobody is expected here: pick a day or week with the citizen the statement is about.</source>
        <translation>Ingen er ventet her: vælg en dag eller uge med den borger, udtalelsen handler om.</translation>
    </message>
</context>
<context>
    <name>AttendanceTab</name>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Previous month (PageUp)</source>
        <translation>Forrige måned (PageUp)</translation>
    </message>
    <message>
        <source>Next month (PageDown)</source>
        <translation>Næste måned (PageDown)</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Denne måned</translation>
    </message>
    <message>
        <source>Week as planned (W)</source>
        <translation>Ugen som planlagt (W)</translation>
    </message>
    <message>
        <source>Attendance day by day</source>
        <translation>Fremmøde dag for dag</translation>
    </message>
    <message>
        <source>Keys: a number = hours present · Enter = as planned · S sick · F agreed absence · U no-show · R reason · Delete = clear · W = the whole week as planned · PageUp/PageDown = month</source>
        <translation>Taster: et tal = timer mødt · Enter = som planlagt · S syg · F fravær aftalt · U udeblevet · R årsag · Delete = slet · W = hele ugen som planlagt · PageUp/PageDown = måned</translation>
    </message>
    <message>
        <source>No placements yet: create one on the Placements tab.</source>
        <translation>Ingen forløb endnu: opret et under fanen Forløb.</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>Forløb:</translation>
    </message>
    <message>
        <source>open</source>
        <translation>åben</translation>
    </message>
    <message>
        <source>The day is outside the placement's period.</source>
        <translation>Dagen ligger uden for forløbets periode.</translation>
    </message>
    <message>
        <source>Nothing is planned on this day: type the hours instead.</source>
        <translation>Der er intet planlagt denne dag: skriv timerne i stedet.</translation>
    </message>
    <message>
        <source>Only agreed absence (F) can be registered ahead of the day.</source>
        <translation>Kun aftalt fravær (F) kan registreres før dagen.</translation>
    </message>
    <message>
        <source>Nothing left to register as planned in this week.</source>
        <translation>Der er intet tilbage at registrere som planlagt i denne uge.</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Viewed</source>
        <translation>Visning</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Søgning</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Ændret</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>Eksporteret</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Udsendt</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importeret</translation>
    </message>
    <message>
        <source>Erased (GDPR)</source>
        <translation>Slettet (GDPR)</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>Logget ind</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Mislykket login</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>Logget ud</translation>
    </message>
    <message>
        <source>User administration</source>
        <translation>Brugeradministration</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Sikkerhedskopi gendannet</translation>
    </message>
    <message>
        <source>Listed</source>
        <translation>Vist liste</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Sikkerhedskopi taget</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Bruger</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Citizen id</source>
        <translation>Borger-id</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Text in the details…</source>
        <translation>Tekst i detaljerne…</translation>
    </message>
    <message>
        <source>Check the chain</source>
        <translation>Kontrollér kæden</translation>
    </message>
    <message>
        <source>Text in the details</source>
        <translation>Tekst i detaljerne</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Revisionslog</translation>
    </message>
    <message>
        <source>The newest %1 entries are shown; narrow the filters to see older ones.</source>
        <translation>De nyeste %1 poster vises; afgræns filtrene for at se ældre.</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 poster</translation>
    </message>
    <message>
        <source>The audit log is intact: all %1 entries fit the chain.</source>
        <translation>Revisionsloggen er intakt: alle %1 poster passer ind i kæden.</translation>
    </message>
    <message>
        <source>an entry before it was removed or inserted</source>
        <translation>en post før den er fjernet eller indsat</translation>
    </message>
    <message>
        <source>its details were changed</source>
        <translation>dens detaljer er ændret</translation>
    </message>
    <message>
        <source>it was changed</source>
        <translation>den er ændret</translation>
    </message>
    <message>
        <source>it was changed and its seal does not fit</source>
        <translation>den er ændret, og dens segl passer ikke</translation>
    </message>
    <message>
        <source>entries before it were removed</source>
        <translation>poster før den er fjernet</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: entry %1 does not fit the chain (%2).</source>
        <translation>Revisionsloggen er blevet ændret: post %1 passer ikke ind i kæden (%2).</translation>
    </message>
    <message>
        <source>the key file</source>
        <translation>nøglefilen</translation>
    </message>
    <message>
        <source>the backup %1</source>
        <translation>sikkerhedskopien %1</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: its oldest entries were removed and the log re-anchored (%1 records entries removed up to %2, the log up to %3).</source>
        <translation>Der er pillet ved revisionsloggen: dens ældste poster er fjernet, og loggen er forankret på ny (%1 siger poster fjernet til og med %2, loggen til og med %3).</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: entries at its end were removed (%1 records entry %2, the log ends at %3).</source>
        <translation>Der er pillet ved revisionsloggen: poster i slutningen er fjernet (%1 siger post %2, loggen slutter ved %3).</translation>
    </message>
    <message>
        <source>The audit log has been tampered with: it was rewritten (entry %2 differs from what %1 records).</source>
        <translation>Der er pillet ved revisionsloggen: den er skrevet om (post %2 er ikke den, %1 siger).</translation>
    </message>
    <message>
        <source>The audit log has been tampered with (%1).</source>
        <translation>Der er pillet ved revisionsloggen (%1).</translation>
    </message>
</context>
<context>
    <name>CapacityTab</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Effectiveness</source>
        <translation>Effektivitet</translation>
    </message>
    <message>
        <source>Tasks (time/tempo/quality %)</source>
        <translation>Opgaver (tid/tempo/kvalitet %)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Assessments</source>
        <translation>Vurderinger</translation>
    </message>
    <message>
        <source>Effectiveness %</source>
        <translation>Effektivitet %</translation>
    </message>
    <message>
        <source>Task breakdown (optional)</source>
        <translation>Opgavefordeling (valgfri)</translation>
    </message>
    <message>
        <source>&amp;Use the computed effectiveness</source>
        <translation>&amp;Brug den beregnede effektivitet</translation>
    </message>
    <message>
        <source>From the tasks</source>
        <translation>Ud fra opgaverne</translation>
    </message>
    <message>
        <source>&amp;Add assessment</source>
        <translation>&amp;Tilføj vurdering</translation>
    </message>
    <message>
        <source>&amp;Remove selected assessment</source>
        <translation>&amp;Fjern valgte vurdering</translation>
    </message>
    <message>
        <source>Effective hours per week</source>
        <translation>Effektive timer pr. uge</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>Forløb:</translation>
    </message>
    <message>
        <source>no placements yet</source>
        <translation>ingen forløb endnu</translation>
    </message>
    <message>
        <source>no attendance yet</source>
        <translation>intet fremmøde endnu</translation>
    </message>
    <message>
        <source>Effective hours</source>
        <translation>Effektive timer</translation>
    </message>
    <message>
        <source>Attended hours</source>
        <translation>Fremmødte timer</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>fill in tasks to compute Σ time × tempo × quality</source>
        <translation>udfyld opgaver for at beregne Σ tid × tempo × kvalitet</translation>
    </message>
    <message>
        <source>(the time shares add up to %1 %, not 100 %)</source>
        <translation>(tidsandelene giver %1 %, ikke 100 %)</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>skal være et tal</translation>
    </message>
    <message>
        <source>Capacity assessment %1</source>
        <translation>Arbejdsevnevurdering %1</translation>
    </message>
    <message>
        <source>Remove capacity assessment %1</source>
        <translation>Fjern arbejdsevnevurdering %1</translation>
    </message>
</context>
<context>
    <name>CitizenDialog</name>
    <message>
        <source>Edit citizen</source>
        <translation>Rediger borger</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Fødselsår</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Ydelse</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Job goal</source>
        <translation>Jobmål</translation>
    </message>
    <message>
        <source>The citizen's own view</source>
        <translation>Borgerens egen vurdering</translation>
    </message>
</context>
<context>
    <name>CitizenPage</name>
    <message>
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Hours plan</source>
        <translation>Timeplan</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Accommodations</source>
        <translation>Skånehensyn</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Goals and progression</source>
        <translation>Mål og progression</translation>
    </message>
    <message>
        <source>Work capacity</source>
        <translation>Arbejdsevne</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Dokumentation</translation>
    </message>
    <message>
        <source>New observation…</source>
        <translation>Ny observation…</translation>
    </message>
    <message>
        <source>New observation (Ctrl+Shift+O)</source>
        <translation>Ny observation (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>The citizen no longer exists</source>
        <translation>Borgeren findes ikke længere</translation>
    </message>
    <message>
        <source>Job goal: %1</source>
        <translation>Jobmål: %1</translation>
    </message>
    <message>
        <source>Now: %1 from %2</source>
        <translation>Nu: %1 fra %2</translation>
    </message>
    <message>
        <source>ARCHIVED</source>
        <translation>ARKIVERET</translation>
    </message>
</context>
<context>
    <name>CitizensPage</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Hours/week</source>
        <translation>Timer/uge</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Slutter</translation>
    </message>
    <message>
        <source>Job goal</source>
        <translation>Jobmål</translation>
    </message>
    <message>
        <source>Search citizens (name, ref, company)…</source>
        <translation>Søg borgere (navn, ref., virksomhed)…</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>Vis arkiverede</translation>
    </message>
    <message>
        <source>Search citizens</source>
        <translation>Søg i borgere</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Borgere</translation>
    </message>
    <message>
        <source>New citizen…</source>
        <translation>Ny borger…</translation>
    </message>
</context>
<context>
    <name>CompaniesPage</name>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CVR</source>
        <translation>CVR</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Intern</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Active placements</source>
        <translation>Aktive forløb</translation>
    </message>
    <message>
        <source>Search companies…</source>
        <translation>Søg virksomheder…</translation>
    </message>
    <message>
        <source>Search companies</source>
        <translation>Søg i virksomheder</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Virksomheder</translation>
    </message>
    <message>
        <source>New company…</source>
        <translation>Ny virksomhed…</translation>
    </message>
</context>
<context>
    <name>CompanyBox</name>
    <message>
        <source>type part of the name</source>
        <translation>skriv en del af navnet</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <source>Edit company</source>
        <translation>Rediger virksomhed</translation>
    </message>
    <message>
        <source>New company</source>
        <translation>Ny virksomhed</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>8 digits (optional)</source>
        <translation>8 cifre (kan udelades)</translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation>CVR-nummer</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Internal training ground</source>
        <translation>Intern træningsbane</translation>
    </message>
    <message>
        <source>New company %1</source>
        <translation>Ny virksomhed %1</translation>
    </message>
    <message>
        <source>Edit company %1</source>
        <translation>Rediger virksomhed %1</translation>
    </message>
</context>
<context>
    <name>CompanyPanel</name>
    <message>
        <source>Contact</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <source>current</source>
        <translation>i gang</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <source>New contact…</source>
        <translation>Ny kontaktperson…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontaktpersoner</translation>
    </message>
    <message>
        <source>Placements (current and past)</source>
        <translation>Forløb (nuværende og tidligere)</translation>
    </message>
    <message>
        <source>No CVR</source>
        <translation>Intet CVR</translation>
    </message>
    <message>
        <source>Internal training ground</source>
        <translation>Intern træningsbane</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact person</source>
        <translation>Ny kontaktperson</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>New contact %1</source>
        <translation>Ny kontaktperson %1</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Follow-up overdue</source>
        <translation>Opfølgning overskredet</translation>
    </message>
    <message>
        <source>Follow-up due soon</source>
        <translation>Opfølgning nærmer sig</translation>
    </message>
    <message>
        <source>Attendance below 75 % (4 weeks)</source>
        <translation>Fremmøde under 75 % (4 uger)</translation>
    </message>
    <message>
        <source>Planned days not registered</source>
        <translation>Planlagte dage ikke registreret</translation>
    </message>
    <message>
        <source>Referral ends within 30 days</source>
        <translation>Henvisning slutter inden for 30 dage</translation>
    </message>
    <message>
        <source>Placement without workplace mentor</source>
        <translation>Forløb uden virksomhedsmentor</translation>
    </message>
    <message>
        <source>%1 % attended</source>
        <translation>%1 % fremmøde</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dage</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>senest %1</translation>
    </message>
    <message>
        <source>ends %1</source>
        <translation>slutter %1</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>siden %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Placement / programme</source>
        <translation>Forløb / indsats</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>What needs doing</source>
        <translation>Det skal gøres</translation>
    </message>
    <message>
        <source>Enter or double-click opens the citizen where the task is done.</source>
        <translation>Enter eller dobbeltklik åbner borgeren dér, hvor opgaven løses.</translation>
    </message>
    <message>
        <source>Loading the tasks…</source>
        <translation>Henter opgaverne…</translation>
    </message>
    <message>
        <source>Nothing is waiting. Well done.</source>
        <translation>Intet venter. Godt klaret.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-åååå</translation>
    </message>
</context>
<context>
    <name>Description</name>
    <message>
        <source>The citizen</source>
        <translation>Borgeren</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andre</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Borgerens historik</translation>
    </message>
    <message>
        <source>nothing under the heading »%1«</source>
        <translation>intet under overskriften »%1«</translation>
    </message>
    <message>
        <source>no attendance registered in the period</source>
        <translation>intet fremmøde registreret i perioden</translation>
    </message>
    <message>
        <source>the figures are older than %1 days (last attendance %2)</source>
        <translation>tallene er ældre end %1 dage (seneste fremmøde %2)</translation>
    </message>
    <message>
        <source>no assessment by the consultant</source>
        <translation>konsulentens vurdering mangler</translation>
    </message>
    <message>
        <source>no view of the citizen's own</source>
        <translation>borgerens egen vurdering mangler</translation>
    </message>
    <message>
        <source>no statement from the workplace</source>
        <translation>virksomhedens udtalelse mangler</translation>
    </message>
    <message>
        <source>now</source>
        <translation>nu</translation>
    </message>
</context>
<context>
    <name>DescriptionTab</name>
    <message>
        <source>Template</source>
        <translation>Skabelon</translation>
    </message>
    <message>
        <source>A template file cannot be used: %1</source>
        <translation>En skabelonfil kan ikke bruges: %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Overskrift</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>What was seen or said, in a sentence or two</source>
        <translation>Hvad blev set eller sagt, i en sætning eller to</translation>
    </message>
    <message>
        <source>New observation</source>
        <translation>Ny observation</translation>
    </message>
    <message>
        <source>Save texts</source>
        <translation>Gem tekster</translation>
    </message>
    <message>
        <source>Add observation</source>
        <translation>Tilføj observation</translation>
    </message>
    <message>
        <source>Check completeness</source>
        <translation>Kontrollér fuldstændighed</translation>
    </message>
    <message>
        <source>Profile and observations…</source>
        <translation>Historik og observationer…</translation>
    </message>
    <message>
        <source>Add, change and remove the citizen's history and the observations</source>
        <translation>Tilføj, ret og fjern borgerens historik og observationerne</translation>
    </message>
    <message>
        <source>Save description texts</source>
        <translation>Gem beskrivelsens tekster</translation>
    </message>
    <message>
        <source>Missing before the dossier can go out: %1</source>
        <translation>Mangler, før dokumentationen kan sendes: %1</translation>
    </message>
    <message>
        <source>Every heading is described; the assessment is written when issuing.</source>
        <translation>Alle overskrifter er beskrevet; vurderingen skrives, når dokumentationen udstedes.</translation>
    </message>
</context>
<context>
    <name>DocumentsTab</name>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Work-capacity dossier</source>
        <translation>Arbejdsevnedokumentation</translation>
    </message>
    <message>
        <source>Absence overview</source>
        <translation>Fraværsoversigt</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Formater</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Skabelon</translation>
    </message>
    <message>
        <source>The consultant's assessment</source>
        <translation>Konsulentens vurdering</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Anbefaling</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Recipient (when issuing)</source>
        <translation>Modtager (ved udsendelse)</translation>
    </message>
    <message>
        <source>e.g. Københavns Kommune, team for fleksjob og førtidspension</source>
        <translation>fx Københavns Kommune, team for fleksjob og førtidspension</translation>
    </message>
    <message>
        <source>Reason to issue it incomplete</source>
        <translation>Begrundelse for at udstede den ufuldstændig</translation>
    </message>
    <message>
        <source>only if something is missing and it must go now anyway</source>
        <translation>kun hvis noget mangler, og den skal sendes alligevel</translation>
    </message>
    <message>
        <source>Password (optional)</source>
        <translation>Adgangskode (valgfri)</translation>
    </message>
    <message>
        <source>at least 8 characters; protects PDF and Excel</source>
        <translation>mindst 8 tegn; beskytter PDF og Excel</translation>
    </message>
    <message>
        <source>Save files…</source>
        <translation>Gem filer…</translation>
    </message>
    <message>
        <source>Issue and save…</source>
        <translation>Udsend og gem…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Udsendt</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Filer</translation>
    </message>
    <message>
        <source>Issued documents</source>
        <translation>Udstedte dokumenter</translation>
    </message>
    <message>
        <source>Save an exact copy…</source>
        <translation>Gem en nøjagtig kopi…</translation>
    </message>
    <message>
        <source>Issued versions (exactly what was sent)</source>
        <translation>Udsendte versioner (præcis det, der blev sendt)</translation>
    </message>
    <message>
        <source>Save in folder</source>
        <translation>Gem i mappe</translation>
    </message>
    <message>
        <source>%1 for %2, period %3, saved:</source>
        <translation>%1 for %2, perioden %3, er gemt:</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Gemt</translation>
    </message>
    <message>
        <source>Producing the document</source>
        <translation>Dokumentet dannes</translation>
    </message>
    <message>
        <source>Save an exact copy in</source>
        <translation>Gem en nøjagtig kopi i</translation>
    </message>
</context>
<context>
    <name>EditPlacementDialog</name>
    <message>
        <source>Edit placement at %1</source>
        <translation>Rediger forløb hos %1</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>Tasks (comma-separated)</source>
        <translation>Opgaver (adskilt med komma)</translation>
    </message>
</context>
<context>
    <name>EndPlacementDialog</name>
    <message>
        <source>End placement %1</source>
        <translation>Afslut forløb %1</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>Årsag til afslutning</translation>
    </message>
    <message>
        <source>e.g. stopped by the company: needed too much training</source>
        <translation>fx stoppet af virksomheden: krævede for meget oplæring</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase the citizen permanently</source>
        <translation>Slet borgeren permanent</translation>
    </message>
    <message>
        <source>This deletes %1 and everything about them for good: placements, attendance, follow-ups, goals and issued documents. The audit log keeps only that a citizen was erased, by whom and why. It cannot be undone.</source>
        <translation>Dette sletter %1 og alt om borgeren for altid: forløb, fremmøde, opfølgninger, mål og udstedte dokumenter. Revisionsloggen gemmer kun, at en borger er slettet, af hvem og hvorfor. Det kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Type the citizen's ref to confirm</source>
        <translation>Skriv borgerens reference for at bekræfte</translation>
    </message>
    <message>
        <source>Reason (no name or CPR number)</source>
        <translation>Begrundelse (uden navn eller CPR-nummer)</translation>
    </message>
    <message>
        <source>e.g. the citizen's request, or the retention period has expired</source>
        <translation>fx borgerens anmodning, eller opbevaringsperioden er udløbet</translation>
    </message>
    <message>
        <source>Erase permanently</source>
        <translation>Slet permanent</translation>
    </message>
</context>
<context>
    <name>FirstRunChecklist</name>
    <message>
        <source>Get started</source>
        <translation>Kom i gang</translation>
    </message>
    <message>
        <source>The database is empty. Set up the first placement in three steps, or load the demo data to look around first.</source>
        <translation>Databasen er tom. Opret det første forløb i tre trin, eller indlæs demodata og se dig omkring først.</translation>
    </message>
    <message>
        <source>Create a company: the workplace</source>
        <translation>Opret en virksomhed: arbejdspladsen</translation>
    </message>
    <message>
        <source>New company…</source>
        <translation>Ny virksomhed…</translation>
    </message>
    <message>
        <source>Create a citizen</source>
        <translation>Opret en borger</translation>
    </message>
    <message>
        <source>New citizen…</source>
        <translation>Ny borger…</translation>
    </message>
    <message>
        <source>Create a placement for the citizen at the company</source>
        <translation>Opret et forløb for borgeren i virksomheden</translation>
    </message>
    <message>
        <source>New placement…</source>
        <translation>Nyt forløb…</translation>
    </message>
    <message>
        <source>Or look around in the demo data (anonymised example citizens)</source>
        <translation>Eller se dig omkring i demodata (anonymiserede eksempelborgere)</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Indlæs demodata</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation>Ikke gjort endnu</translation>
    </message>
    <message>
        <source>New placement for %1…</source>
        <translation>Nyt forløb for %1…</translation>
    </message>
    <message>
        <source>Create a company and a citizen first.</source>
        <translation>Opret først en virksomhed og en borger.</translation>
    </message>
</context>
<context>
    <name>FollowupEditor</name>
    <message>
        <source>No planned hours registered %1 – %2.</source>
        <translation>Ingen planlagte timer registreret %1 – %2.</translation>
    </message>
    <message>
        <source>Attendance %1 – %2: %3 % (%4 h of %5 h).</source>
        <translation>Fremmøde %1 – %2: %3 % (%4 t af %5 t).</translation>
    </message>
    <message>
        <source>%1 %2 days (%3 h)</source>
        <translation>%1 %2 dage (%3 t)</translation>
    </message>
    <message>
        <source>Absence: %1.</source>
        <translation>Fravær: %1.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>Case worker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagere</translation>
    </message>
    <message>
        <source>Attendance stability</source>
        <translation>Mødestabilitet</translation>
    </message>
    <message>
        <source>Benefit of the activities</source>
        <translation>Udbytte af aktiviteterne</translation>
    </message>
    <message>
        <source>Behaviour (ageren)</source>
        <translation>Ageren</translation>
    </message>
    <message>
        <source>Goals and sub-goals</source>
        <translation>Mål og delmål</translation>
    </message>
    <message>
        <source>Accommodation needs</source>
        <translation>Skånehensyn</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>The citizen's own view</source>
        <translation>Borgerens egen vurdering</translation>
    </message>
    <message>
        <source>Agreed changes</source>
        <translation>Aftalte ændringer</translation>
    </message>
    <message>
        <source>New hours per week</source>
        <translation>Nyt timetal pr. uge</translation>
    </message>
    <message>
        <source>optional, e.g. 3x4 — becomes a step of the hours plan</source>
        <translation>valgfrit, fx 3x4 — bliver et nyt trin i timeplanen</translation>
    </message>
    <message>
        <source>New hours from</source>
        <translation>Nyt timetal fra</translation>
    </message>
    <message>
        <source>Work and education</source>
        <translation>Arbejde og uddannelse</translation>
    </message>
    <message>
        <source>Personal resources</source>
        <translation>Personlige ressourcer</translation>
    </message>
    <message>
        <source>Challenges</source>
        <translation>Udfordringer</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Ønsker</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Helbred</translation>
    </message>
    <message>
        <source>Health and work</source>
        <translation>Helbred og arbejde</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Forsørgelse</translation>
    </message>
    <message>
        <source>Efforts so far</source>
        <translation>Indsatser hidtil</translation>
    </message>
    <message>
        <source>The note also describes</source>
        <translation>Notatet hører også under</translation>
    </message>
</context>
<context>
    <name>FollowupTab</name>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgninger</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Ny opfølgning</translation>
    </message>
    <message>
        <source>Save  (Ctrl+S)</source>
        <translation>Gem  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Finalise</source>
        <translation>Færdiggør</translation>
    </message>
    <message>
        <source>Add correction…</source>
        <translation>Tilføj rettelse…</translation>
    </message>
    <message>
        <source>Finalised: read-only. Corrections are appended below.</source>
        <translation>Færdiggjort: kan ikke ændres. Rettelser tilføjes nedenfor.</translation>
    </message>
    <message>
        <source>Draft: can still be changed.</source>
        <translation>Kladde: kan stadig ændres.</translation>
    </message>
    <message>
        <source>Correction %1 by %2: %3</source>
        <translation>Rettelse %1 af %2: %3</translation>
    </message>
    <message>
        <source>New follow-up (not saved yet)</source>
        <translation>Ny opfølgning (ikke gemt endnu)</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>Rediger opfølgning</translation>
    </message>
    <message>
        <source>New step in the hours plan from %1: %2</source>
        <translation>Nyt trin i timeplanen fra %1: %2</translation>
    </message>
    <message>
        <source> (replaces the step of that day)</source>
        <translation> (erstatter trinnet fra den dag)</translation>
    </message>
    <message>
        <source>Finalise follow-up</source>
        <translation>Færdiggør opfølgning</translation>
    </message>
    <message>
        <source>Add correction</source>
        <translation>Tilføj rettelse</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Rettelse</translation>
    </message>
</context>
<context>
    <name>FollowupsPage</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>finalised</source>
        <translation>færdiggjort</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>kladde</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notat</translation>
    </message>
    <message>
        <source>Search follow-ups (name, placement, note)…</source>
        <translation>Søg i opfølgninger (navn, forløb, notat)…</translation>
    </message>
    <message>
        <source>Drafts and the last %1 weeks</source>
        <translation>Kladder og de seneste %1 uger</translation>
    </message>
    <message>
        <source>All follow-ups</source>
        <translation>Alle opfølgninger</translation>
    </message>
    <message>
        <source>Which follow-ups</source>
        <translation>Hvilke opfølgninger</translation>
    </message>
    <message>
        <source>Search follow-ups</source>
        <translation>Søg i opfølgninger</translation>
    </message>
    <message>
        <source>The newest %1 follow-ups are shown; more as you scroll down.</source>
        <translation>De %1 nyeste opfølgninger vises; flere når du ruller ned.</translation>
    </message>
    <message>
        <source>%1 follow-ups.</source>
        <translation>%1 opfølgninger.</translation>
    </message>
    <message>
        <source>%1 follow-ups: drafts and the last %2 weeks. Choose “All follow-ups” for older ones.</source>
        <translation>%1 opfølgninger: kladder og de seneste %2 uger. Vælg „Alle opfølgninger“ for ældre.</translation>
    </message>
    <message>
        <source>Drafts only</source>
        <translation>Kun kladder</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgninger</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Ikke angivet</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Life area</source>
        <translation>Livsområde</translation>
    </message>
    <message>
        <source>Sub-goals (one a line)</source>
        <translation>Delmål (ét pr. linje)</translation>
    </message>
    <message>
        <source>Add &amp;goal</source>
        <translation>Tilføj &amp;mål</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Scores of the selected goal</source>
        <translation>Det valgte måls scorer</translation>
    </message>
    <message>
        <source>Scores: −5 … −1 worse than at the start · 0 status quo · 1 … 4 progress · 5 goal reached</source>
        <translation>Score: −5 … −1 dårligere end ved start · 0 status quo · 1 … 4 fremskridt · 5 målet er nået</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Assessed by</source>
        <translation>Vurderet af</translation>
    </message>
    <message>
        <source>Add &amp;score</source>
        <translation>Tilføj &amp;score</translation>
    </message>
    <message>
        <source>Remove selected score</source>
        <translation>Fjern valgte score</translation>
    </message>
    <message>
        <source>All goals: first and latest score</source>
        <translation>Alle mål: første og seneste score</translation>
    </message>
    <message>
        <source>The selected goal over time</source>
        <translation>Det valgte mål over tid</translation>
    </message>
    <message>
        <source>No goals yet: add the first one on the left.</source>
        <translation>Ingen mål endnu: tilføj det første til venstre.</translation>
    </message>
    <message>
        <source>no goal chosen</source>
        <translation>intet mål valgt</translation>
    </message>
    <message>
        <source>no scores yet</source>
        <translation>ingen score endnu</translation>
    </message>
    <message>
        <source>First</source>
        <translation>Første</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Seneste</translation>
    </message>
    <message>
        <source>Add goal: %1</source>
        <translation>Tilføj mål: %1</translation>
    </message>
    <message>
        <source>Score %1 on %2</source>
        <translation>Score %1 på %2</translation>
    </message>
    <message>
        <source>Remove score of %1</source>
        <translation>Fjern score fra %1</translation>
    </message>
</context>
<context>
    <name>HeadingBlock</name>
    <message>
        <source>Not described yet</source>
        <translation>Ikke beskrevet endnu</translation>
    </message>
    <message>
        <source>Nothing registered under this heading yet.</source>
        <translation>Intet registreret under denne overskrift endnu.</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message>
        <source>1 company created</source>
        <translation>1 virksomhed oprettet</translation>
    </message>
    <message>
        <source>1 company updated</source>
        <translation>1 virksomhed opdateret</translation>
    </message>
    <message>
        <source>1 placement created</source>
        <translation>1 forløb oprettet</translation>
    </message>
    <message>
        <source>1 placement updated</source>
        <translation>1 forløb opdateret</translation>
    </message>
    <message>
        <source>1 citizen created</source>
        <translation>1 borger oprettet</translation>
    </message>
    <message>
        <source>1 citizen updated</source>
        <translation>1 borger opdateret</translation>
    </message>
    <message>
        <source>%1 companies created</source>
        <translation>%1 virksomheder oprettet</translation>
    </message>
    <message>
        <source>%1 companies updated</source>
        <translation>%1 virksomheder opdateret</translation>
    </message>
    <message>
        <source>%1 placements created</source>
        <translation>%1 forløb oprettet</translation>
    </message>
    <message>
        <source>%1 placements updated</source>
        <translation>%1 forløb opdateret</translation>
    </message>
    <message>
        <source>%1 citizens created</source>
        <translation>%1 borgere oprettet</translation>
    </message>
    <message>
        <source>%1 citizens updated</source>
        <translation>%1 borgere opdateret</translation>
    </message>
    <message>
        <source>nothing changed</source>
        <translation>intet ændret</translation>
    </message>
    <message>
        <source>1 hours value rounded to the whole minute</source>
        <translation>1 timeværdi afrundet til hele minutter</translation>
    </message>
    <message>
        <source>%1 hours values rounded to the whole minute</source>
        <translation>%1 timeværdier afrundet til hele minutter</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Placement Desk is locked</source>
        <translation>Placement Desk er låst</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Logget ind: %1 (%2)</translation>
    </message>
    <message>
        <source>Type your password to carry on where you left off.</source>
        <translation>Skriv din adgangskode for at fortsætte, hvor du slap.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås op</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>The password could not be checked: the disk is full or the key file cannot be written. Free some space and try again. (Nothing was counted as a wrong password.)</source>
        <translation>Adgangskoden kunne ikke kontrolleres: disken er fuld, eller nøglefilen kan ikke skrives. Frigør plads, og prøv igen. (Intet blev talt som en forkert adgangskode.)</translation>
    </message>
    <message>
        <source>Wrong password. Try again.</source>
        <translation>Forkert adgangskode. Prøv igen.</translation>
    </message>
    <message>
        <source>You are locked out after 3 wrong passwords until %1. Quit the program; an administrator can set a new password.</source>
        <translation>Du er spærret efter 3 forkerte adgangskoder indtil %1. Afslut programmet; en administrator kan give dig en ny adgangskode.</translation>
    </message>
</context>
<context>
    <name>Login</name>
    <message>
        <source> at </source>
        <translation> kl. </translation>
    </message>
    <message>
        <source>This user is locked after 3 failed sign-ins.</source>
        <translation>Brugeren er spærret efter 3 mislykkede forsøg.</translation>
    </message>
    <message>
        <source>This user is locked after 3 failed sign-ins until %1. Try again then, or ask an administrator to set a new password.</source>
        <translation>Brugeren er spærret efter 3 mislykkede forsøg indtil %1. Prøv igen derefter, eller bed en administrator om en ny adgangskode.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Forkert brugernavn eller adgangskode.</translation>
    </message>
    <message>
        <source>This user is no longer active. Ask an administrator.</source>
        <translation>Brugeren er ikke længere aktiv. Kontakt en administrator.</translation>
    </message>
    <message>
        <source>The database file is missing or empty, but its key file is there. Nothing was created. An administrator restores the newest backup: placement-desk restore FILE (with their password or the recovery code).</source>
        <translation>Databasefilen mangler eller er tom, men dens nøglefil er der. Der er ikke oprettet noget. En administrator genindlæser den nyeste sikkerhedskopi: placement-desk restore FIL (med sin adgangskode eller gendannelseskoden).</translation>
    </message>
    <message>
        <source>The disk is full, or the database or its key file cannot be written, so the sign-in could not be checked. Free some space and try again.</source>
        <translation>Disken er fuld, eller databasen eller dens nøglefil kan ikke skrives, så login kunne ikke kontrolleres. Frigør plads, og prøv igen.</translation>
    </message>
    <message>
        <source>This database is not encrypted yet. An administrator signs in once to encrypt it; after that you can sign in as before.</source>
        <translation>Databasen er ikke krypteret endnu. En administrator logger ind én gang for at kryptere den; derefter kan du logge ind som før.</translation>
    </message>
    <message>
        <source>There is no database yet. Create the first administrator.</source>
        <translation>Der er endnu ingen database. Opret den første administrator.</translation>
    </message>
    <message>
        <source>The team database must be upgraded to this version of Placement Desk before anyone can sign in. Ask the administrator to run 'placement-desk --db postgresql+psycopg://OWNER@HOST/DATABASE setup' as the database's owner.</source>
        <translation>Teamdatabasen skal opgraderes til denne version af Placement Desk, før nogen kan logge ind. Bed administratoren køre 'placement-desk --db postgresql+psycopg://EJER@VÆRT/DATABASE setup' som databasens ejer.</translation>
    </message>
    <message>
        <source>The database is encrypted, but its key file %1 is missing or cannot be read. Put the key file back (a copy lies next to each backup) and try again.</source>
        <translation>Databasen er krypteret, men dens nøglefil %1 mangler eller kan ikke læses. Læg nøglefilen tilbage (der ligger en kopi ved hver sikkerhedskopi), og prøv igen.</translation>
    </message>
    <message>
        <source>The database was not encrypted. It is encrypted now, with your password.</source>
        <translation>Databasen var ikke krypteret. Den er krypteret nu, med din adgangskode.</translation>
    </message>
    <message>
        <source>Recovery code - shown only this once. Write it down and keep it away from this computer:</source>
        <translation>Gendannelseskode – vises kun denne ene gang. Skriv den ned, og opbevar den væk fra denne computer:</translation>
    </message>
    <message>
        <source>The encrypted copy taken first: %1</source>
        <translation>Den krypterede kopi, der blev taget først: %1</translation>
    </message>
    <message>
        <source>These users need a new password from you (Users page) before they can sign in again: %1</source>
        <translation>Disse brugere skal have en ny adgangskode af dig (siden Brugere), før de kan logge ind igen: %1</translation>
    </message>
    <message>
        <source>The database is encrypted now</source>
        <translation>Databasen er krypteret nu</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Placement Desk – sign in</source>
        <translation>Placement Desk – log ind</translation>
    </message>
    <message>
        <source>Sign in to Placement Desk</source>
        <translation>Log ind i Placement Desk</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Glemt adgangskode?</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Forgotten password</source>
        <translation>Glemt adgangskode</translation>
    </message>
    <message>
        <source>Ask an administrator to set a new password for you (Users page).</source>
        <translation>Bed en administrator om at give dig en ny adgangskode (siden Brugere).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Placement Desk</source>
        <translation>Placement Desk</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Borgere</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Virksomheder</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgninger</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultater</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Revisionslog</translation>
    </message>
    <message>
        <source>Data protection</source>
        <translation>Databeskyttelse</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>Logget ind: %1 (%2)</translation>
    </message>
    <message>
        <source>Read only: the database failed its integrity check, so nothing can be saved. You can read everything; what you open is still recorded in the audit log. Restore the newest good backup (File → Restore a backup…).</source>
        <translation>Skrivebeskyttet: Databasen fejlede sin integritetskontrol, så intet kan gemmes. Du kan læse alt; det, du åbner, bliver stadig skrevet i revisionsloggen. Gendan den nyeste gode sikkerhedskopi (Filer → Gendan en sikkerhedskopi…).</translation>
    </message>
    <message>
        <source>Placement Desk (read only)</source>
        <translation>Placement Desk (skrivebeskyttet)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Lås nu</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Rediger</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Fortryd</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <source>&amp;Search…</source>
        <translation>&amp;Søg…</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdater</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastaturgenveje</translation>
    </message>
    <message>
        <source>&amp;About Placement Desk</source>
        <translation>&amp;Om Placement Desk</translation>
    </message>
    <message>
        <source>Placement Desk %1

Follow citizens in company placements and document their work capacity.</source>
        <translation>Placement Desk %1

Følg borgere i virksomhedspraktik og andre virksomhedsrettede forløb, og dokumentér deres arbejdsevne.</translation>
    </message>
    <message>
        <source>Placement Desk %1

Follow citizens in company placements and document their work capacity.

Database: %2</source>
        <translation>Placement Desk %1

Følg borgere i virksomhedspraktik og andre virksomhedsrettede forløb, og dokumentér deres arbejdsevne.

Database: %2</translation>
    </message>
    <message>
        <source>About Placement Desk</source>
        <translation>Om Placement Desk</translation>
    </message>
</context>
<context>
    <name>MentorBox</name>
    <message>
        <source>pick, or type a new name (and a phone number)</source>
        <translation>vælg, eller skriv et nyt navn (og et telefonnummer)</translation>
    </message>
    <message>
        <source>New workplace mentor at %1: %2</source>
        <translation>Ny virksomhedsmentor hos %1: %2</translation>
    </message>
</context>
<context>
    <name>NewCitizenDialog</name>
    <message>
        <source>New citizen</source>
        <translation>Ny borger</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Reference (case number or initials)</source>
        <translation>Reference (sagsnummer eller initialer)</translation>
    </message>
    <message>
        <source>CPR number (optional)</source>
        <translation>CPR-nummer (valgfrit)</translation>
    </message>
    <message>
        <source>DDMMYY-XXXX</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Fødselsår</translation>
    </message>
    <message>
        <source>Job goal</source>
        <translation>Jobmål</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Edit observation · %1</source>
        <translation>Ret observation · %1</translation>
    </message>
    <message>
        <source>New observation · %1</source>
        <translation>Ny observation · %1</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Overskrift</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>What was seen or said, in a sentence or two</source>
        <translation>Hvad blev set eller sagt, i en sætning eller to</translation>
    </message>
    <message>
        <source>Date: write the day it was seen or said (dd-mm-yyyy)</source>
        <translation>Dato: skriv dagen, det blev set eller sagt (dd-mm-åååå)</translation>
    </message>
    <message>
        <source>Date: %1 is not a date (dd-mm-yyyy)</source>
        <translation>Dato: %1 er ikke en dato (dd-mm-åååå)</translation>
    </message>
    <message>
        <source>Date: %1 is after today</source>
        <translation>Dato: %1 ligger efter i dag</translation>
    </message>
    <message>
        <source>Observation: write what was seen or said</source>
        <translation>Observation: skriv, hvad der blev set eller sagt</translation>
    </message>
    <message>
        <source>%1 is outside the dossier's period (%2 – %3): a dossier shows it only for a period that includes the day</source>
        <translation>%1 ligger uden for dokumentationens periode (%2 – %3): den kommer kun med i en dokumentation for en periode, der omfatter dagen</translation>
    </message>
    <message>
        <source>New observation</source>
        <translation>Ny observation</translation>
    </message>
    <message>
        <source>Edit observation</source>
        <translation>Ret observation</translation>
    </message>
</context>
<context>
    <name>Outcome</name>
    <message>
        <source>, hired</source>
        <translation>, ansat</translation>
    </message>
    <message>
        <source>%1/week</source>
        <translation>%1/uge</translation>
    </message>
</context>
<context>
    <name>OutcomeFields</name>
    <message>
        <source>What it led to</source>
        <translation>Hvad det førte til</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(ikke registreret)</translation>
    </message>
    <message>
        <source>Outcome date</source>
        <translation>Dato for resultatet</translation>
    </message>
    <message>
        <source>About the outcome</source>
        <translation>Om resultatet</translation>
    </message>
    <message>
        <source>e.g. flex job at 15 hours with a personal assistant</source>
        <translation>fx fleksjob på 15 timer med personlig assistent</translation>
    </message>
    <message>
        <source>Hired</source>
        <translation>Ansat</translation>
    </message>
    <message>
        <source>The company hired the citizen</source>
        <translation>Virksomheden ansatte borgeren</translation>
    </message>
    <message>
        <source>Hired hours per week</source>
        <translation>Ansat timer pr. uge</translation>
    </message>
    <message>
        <source>e.g. 15 or 12,5</source>
        <translation>fx 15 eller 12,5</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Sustained hours per week (4 weeks)</source>
        <translation>Stabile timer pr. uge (4 uger)</translation>
    </message>
    <message>
        <source>Attendance rate, whole period</source>
        <translation>Fremmøde, hele perioden</translation>
    </message>
    <message>
        <source>Attendance rate, last 3 months</source>
        <translation>Fremmøde, seneste 3 måneder</translation>
    </message>
    <message>
        <source>Effective hours</source>
        <translation>Effektive timer</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Næste opfølgning</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Nøgletal</translation>
    </message>
    <message>
        <source>Current accommodation needs</source>
        <translation>Aktuelle skånehensyn</translation>
    </message>
    <message>
        <source>The citizen's own view</source>
        <translation>Borgerens egen vurdering</translation>
    </message>
    <message>
        <source>Edit citizen…</source>
        <translation>Rediger borger…</translation>
    </message>
    <message>
        <source>Referrals and placements</source>
        <translation>Henvisninger og forløb</translation>
    </message>
    <message>
        <source>New referral…</source>
        <translation>Ny henvisning…</translation>
    </message>
    <message>
        <source>Extend referral…</source>
        <translation>Forlæng henvisning…</translation>
    </message>
    <message>
        <source>Stop referral…</source>
        <translation>Stop henvisning…</translation>
    </message>
    <message>
        <source>of %1 attended hours with an assessment</source>
        <translation>af %1 fremmødte timer med en vurdering</translation>
    </message>
    <message>
        <source> (overdue)</source>
        <translation> (overskredet)</translation>
    </message>
    <message>
        <source>no active placement</source>
        <translation>intet aktivt forløb</translation>
    </message>
    <message>
        <source>None registered</source>
        <translation>Ingen registreret</translation>
    </message>
    <message>
        <source>Not written yet</source>
        <translation>Ikke skrevet endnu</translation>
    </message>
    <message>
        <source>%1: %2 – %3</source>
        <translation>%1: %2 – %3</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New password for %1</source>
        <translation>Ny adgangskode til %1</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Ny adgangskode</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindst %1 tegn</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Gentag ny adgangskode</translation>
    </message>
</context>
<context>
    <name>PlacementDialog</name>
    <message>
        <source>New placement</source>
        <translation>Nyt forløb</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Hours plan</source>
        <translation>Timeplan</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>New placement at %1</source>
        <translation>Nyt forløb hos %1</translation>
    </message>
    <message>
        <source>Hours plan: %1</source>
        <translation>Timeplan: %1</translation>
    </message>
    <message>
        <source>new workplace mentor %1</source>
        <translation>ny virksomhedsmentor %1</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>Tasks (comma-separated)</source>
        <translation>Opgaver (adskilt med komma)</translation>
    </message>
</context>
<context>
    <name>PlacementFormDialog</name>
    <message>
        <source>e.g. sorting goods, cashier</source>
        <translation>fx sortering af varer, kasse</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End (optional)</source>
        <translation>Slut (valgfri)</translation>
    </message>
</context>
<context>
    <name>PlacementPicker</name>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
</context>
<context>
    <name>PlacementsPage</name>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>Hours/week</source>
        <translation>Timer/uge</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Udfald</translation>
    </message>
    <message>
        <source>Search placements (citizen, company, type, mentor)…</source>
        <translation>Søg forløb (borger, virksomhed, type, mentor)…</translation>
    </message>
    <message>
        <source>Running today only</source>
        <translation>Kun aktive i dag</translation>
    </message>
    <message>
        <source>Search placements</source>
        <translation>Søg i forløb</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Forløb</translation>
    </message>
</context>
<context>
    <name>PlacementsTab</name>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Hours now</source>
        <translation>Timer nu</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>mangler</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>Årsag til afslutning</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Udfald</translation>
    </message>
    <message>
        <source>Placements</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>New placement…  (Ctrl+N)</source>
        <translation>Nyt forløb…  (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit placement…</source>
        <translation>Rediger forløb…</translation>
    </message>
    <message>
        <source>End placement…</source>
        <translation>Afslut forløb…</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arkivér</translation>
    </message>
    <message>
        <source>Archive placement %1</source>
        <translation>Arkivér forløb %1</translation>
    </message>
</context>
<context>
    <name>PlanField</name>
    <message>
        <source>e.g. 2x3; 3x3 (3 løn) fra 04-01; 4x3,5 (6 løn) fra 01-02</source>
        <translation>fx 2x3; 3x3 (3 løn) fra 04-01; 4x3,5 (6 løn) fra 01-02</translation>
    </message>
    <message>
        <source>Steps separated by ';'. Each step: hours (2x3, 2x4+1x3, man-fre 12-15, tir 2, tor 2), optionally paid hours per week '(3 løn)' and the first day 'fra 04-01'. A step without a date starts 4 weeks after the one before it.</source>
        <translation>Trin adskilt af ';'. Hvert trin: timer (2x3, 2x4+1x3, man-fre 12-15, tir 2, tor 2), evt. løntimer pr. uge '(3 løn)' og første dag 'fra 04-01'. Et trin uden dato starter 4 uger efter trinnet før.</translation>
    </message>
    <message>
        <source>Add this step to the plan</source>
        <translation>Tilføj dette trin til timeplanen</translation>
    </message>
    <message>
        <source>Cannot read it yet: %1</source>
        <translation>Kan endnu ikke læses: %1</translation>
    </message>
    <message>
        <source>No hours plan yet (it can be added on the Hours plan tab).</source>
        <translation>Ingen timeplan endnu (den kan tilføjes under fanen Timeplan).</translation>
    </message>
</context>
<context>
    <name>PrivacyPage</name>
    <message>
        <source>Data protection</source>
        <translation>Databeskyttelse</translation>
    </message>
    <message>
        <source>The citizen's ref, or pick one in the list below</source>
        <translation>Borgerens reference, eller vælg en i listen nedenfor</translation>
    </message>
    <message>
        <source>Export everything about the citizen…</source>
        <translation>Eksportér alt om borgeren…</translation>
    </message>
    <message>
        <source>Erase the citizen permanently…</source>
        <translation>Slet borgeren permanent…</translation>
    </message>
    <message>
        <source>Citizen ref:</source>
        <translation>Borgerens reference:</translation>
    </message>
    <message>
        <source> years</source>
        <translation> år</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>Seneste aktivitet</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Arkiveret</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Retention: closed paths with no activity for</source>
        <translation>Opbevaring: afsluttede forløb uden aktivitet i</translation>
    </message>
    <message>
        <source>Only an administrator can see this list.</source>
        <translation>Kun en administrator kan se denne liste.</translation>
    </message>
    <message>
        <source>%1 citizens</source>
        <translation>%1 borgere</translation>
    </message>
    <message>
        <source>Citizen ref: enter the citizen's ref.</source>
        <translation>Borgerens reference: skriv borgerens reference.</translation>
    </message>
    <message>
        <source>Citizen ref: there is no citizen %1.</source>
        <translation>Borgerens reference: der findes ingen borger %1.</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>Din rolle giver ikke adgang til dette.</translation>
    </message>
    <message>
        <source>Export everything about the citizen</source>
        <translation>Eksportér alt om borgeren</translation>
    </message>
    <message>
        <source>ZIP files (*.zip)</source>
        <translation>ZIP-filer (*.zip)</translation>
    </message>
    <message>
        <source>File: could not save %1 (%2).</source>
        <translation>Fil: %1 kunne ikke gemmes (%2).</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <source>Erase the citizen permanently</source>
        <translation>Slet borgeren permanent</translation>
    </message>
    <message>
        <source>Citizen %1 and everything about them was erased (%2 records); %3 audit log entries were blanked.</source>
        <translation>Borgeren %1 og alt om borgeren er slettet (%2 poster); %3 indgange i revisionsloggen er blanket.</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Education</source>
        <translation>Uddannelse</translation>
    </message>
    <message>
        <source>Work history</source>
        <translation>Beskæftigelse</translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation>Ydelse</translation>
    </message>
    <message>
        <source>Treatment</source>
        <translation>Behandling</translation>
    </message>
    <message>
        <source>Earlier effort</source>
        <translation>Tidligere indsats</translation>
    </message>
    <message>
        <source>Profile and observations · %1</source>
        <translation>Historik og observationer · %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Profile items</source>
        <translation>Punkter i borgerens historik</translation>
    </message>
    <message>
        <source>New item…</source>
        <translation>Nyt punkt…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Rediger…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Fjern</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netværk</translation>
    </message>
    <message>
        <source>Family, friends and others who bear on work</source>
        <translation>Familie, venner og andre, der har betydning for arbejdet</translation>
    </message>
    <message>
        <source>Wishes</source>
        <translation>Ønsker</translation>
    </message>
    <message>
        <source>The citizen's own wishes for job and education</source>
        <translation>Borgerens egne ønsker til job og uddannelse</translation>
    </message>
    <message>
        <source>Save network and wishes</source>
        <translation>Gem netværk og ønsker</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Borgerens historik</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Heading</source>
        <translation>Overskrift</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Af</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observationer</translation>
    </message>
    <message>
        <source>New observation…</source>
        <translation>Ny observation…</translation>
    </message>
    <message>
        <source>Your role may read the profile and the observations, not change them.</source>
        <translation>Din rolle kan læse historikken og observationerne, ikke ændre dem.</translation>
    </message>
    <message>
        <source>Remove profile item</source>
        <translation>Fjern punkt i historikken</translation>
    </message>
    <message>
        <source>Remove observation</source>
        <translation>Fjern observation</translation>
    </message>
</context>
<context>
    <name>ProfileItemDialog</name>
    <message>
        <source>Edit profile item</source>
        <translation>Ret punkt i historikken</translation>
    </message>
    <message>
        <source>New profile item</source>
        <translation>Nyt punkt i historikken</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>e.g. Pedelmedhjælper, Bilka Hillerød</source>
        <translation>fx Pedelmedhjælper, Bilka Hillerød</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>empty = still</source>
        <translation>tom = stadig</translation>
    </message>
    <message>
        <source>Why it ended</source>
        <translation>Årsag til afslutning</translation>
    </message>
    <message>
        <source>How it went</source>
        <translation>Hvordan det gik</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>yyyy, mm-yyyy or dd-mm-yyyy</source>
        <translation>åååå, mm-åååå eller dd-mm-åååå</translation>
    </message>
    <message>
        <source>What: write what it was (e.g. the education or job)</source>
        <translation>Hvad: skriv, hvad det var (fx uddannelsen eller jobbet)</translation>
    </message>
    <message>
        <source>%1: %2 is not a date; write a year, a month or a day (2010, 08-2010 or 15-08-2010)</source>
        <translation>%1: %2 er ikke en dato; skriv et år, en måned eller en dag (2010, 08-2010 eller 15-08-2010)</translation>
    </message>
    <message>
        <source>%1: %2 is after today</source>
        <translation>%1: %2 ligger efter i dag</translation>
    </message>
    <message>
        <source>To: %1 is before From (%2)</source>
        <translation>Til: %1 ligger før Fra (%2)</translation>
    </message>
</context>
<context>
    <name>ReasonPicker</name>
    <message>
        <source>Attendance %1</source>
        <translation>Fremmøde %1</translation>
    </message>
    <message>
        <source>Choose or type a reason</source>
        <translation>Vælg eller skriv en årsag</translation>
    </message>
    <message>
        <source>Optional, e.g. 'called at 8'</source>
        <translation>Valgfrit, fx 'ringede kl. 8'</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Årsag</translation>
    </message>
    <message>
        <source>&amp;Hours attended</source>
        <translation>&amp;Timer mødt</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Notat</translation>
    </message>
    <message>
        <source>Present (left early or other hours)</source>
        <translation>Mødt (gået tidligt eller andre timer)</translation>
    </message>
    <message>
        <source>Sick</source>
        <translation>Syg</translation>
    </message>
    <message>
        <source>Agreed absence</source>
        <translation>Fravær aftalt</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Udeblevet</translation>
    </message>
    <message>
        <source>planned %1</source>
        <translation>planlagt %1</translation>
    </message>
    <message>
        <source>Hours: write a number from 0 to 24, e.g. 2,5</source>
        <translation>Timer: skriv et tal fra 0 til 24, fx 2,5</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Forgotten password</source>
        <translation>Glemt adgangskode</translation>
    </message>
    <message>
        <source>Type the recovery code you wrote down when the database was set up, your user name and a new password.</source>
        <translation>Skriv den gendannelseskode, du skrev ned, da databasen blev oprettet, dit brugernavn og en ny adgangskode.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Gendannelseskode</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Ny adgangskode</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Gentag ny adgangskode</translation>
    </message>
    <message>
        <source>Set password and sign in</source>
        <translation>Gem adgangskode og log ind</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>There is no active user with this name.</source>
        <translation>Der er ingen aktiv bruger med dette navn.</translation>
    </message>
    <message>
        <source>The recovery code is not right.</source>
        <translation>Gendannelseskoden er forkert.</translation>
    </message>
    <message>
        <source>Only an encrypted database has a recovery code. Ask an administrator to set a new password.</source>
        <translation>Kun en krypteret database har en gendannelseskode. Bed en administrator om at give dig en ny adgangskode.</translation>
    </message>
</context>
<context>
    <name>ReferralDialog</name>
    <message>
        <source>New referral</source>
        <translation>Ny henvisning</translation>
    </message>
    <message>
        <source>Extend referral</source>
        <translation>Forlæng henvisning</translation>
    </message>
    <message>
        <source>Stop referral</source>
        <translation>Stop henvisning</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <source>e.g. Lokalt forankret indsats 4-6 timer</source>
        <translation>fx Lokalt forankret indsats 4-6 timer</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <source>New end date</source>
        <translation>Ny slutdato</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>Stoppet den</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>e.g. dental treatment; sent to another provider</source>
        <translation>fx tandbehandling; sendt til en anden leverandør</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Indsats</translation>
    </message>
    <message>
        <source>All programmes</source>
        <translation>Alle indsatser</translation>
    </message>
    <message>
        <source>With names</source>
        <translation>Med navne</translation>
    </message>
    <message>
        <source>Show the citizens behind the numbers (not for documents sent out)</source>
        <translation>Vis borgerne bag tallene (ikke til dokumenter, der sendes ud)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Gem PDF…</translation>
    </message>
    <message>
        <source>Save Excel…</source>
        <translation>Gem Excel…</translation>
    </message>
    <message>
        <source>Outcomes per month, the last 12 months</source>
        <translation>Resultater pr. måned, de seneste 12 måneder</translation>
    </message>
    <message>
        <source>Longest in a programme without an outcome</source>
        <translation>Længst i en indsats uden resultat</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Dage</translation>
    </message>
    <message>
        <source>In a placement</source>
        <translation>I praktik</translation>
    </message>
    <message>
        <source>Outcomes in the period</source>
        <translation>Resultater i perioden</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Denne måned</translation>
    </message>
    <message>
        <source>The results report</source>
        <translation>Resultatopgørelsen</translation>
    </message>
    <message>
        <source>Choose the period and press Show.</source>
        <translation>Vælg perioden, og tryk på Vis.</translation>
    </message>
    <message>
        <source>Reading the results report</source>
        <translation>Læser resultatopgørelsen</translation>
    </message>
    <message>
        <source>Citizens</source>
        <translation>Borgere</translation>
    </message>
    <message>
        <source>No outcome to draw (counts under 5 are not shown without names)</source>
        <translation>Intet resultat at tegne (antal under 5 vises ikke uden navne)</translation>
    </message>
    <message>
        <source>No outcomes in the period</source>
        <translation>Ingen resultater i perioden</translation>
    </message>
    <message>
        <source>The monthly overview is for roles that may see citizens.</source>
        <translation>Månedsoversigten er for roller, der må se borgere.</translation>
    </message>
    <message>
        <source>Outcomes this month: %1</source>
        <translation>Resultater denne måned: %1</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Resultater</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Save the results report</source>
        <translation>Gem resultatopgørelsen</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Consultant</source>
        <translation>Konsulent</translation>
    </message>
    <message>
        <source>Mentor</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Workplace mentor</source>
        <translation>Virksomhedsmentor</translation>
    </message>
    <message>
        <source>Case worker (read only)</source>
        <translation>Sagsbehandler (kun læse)</translation>
    </message>
</context>
<context>
    <name>SaveNote</name>
    <message>
        <source>Undone: %1</source>
        <translation>Fortrudt: %1</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gentag</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Gemt: %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Ctrl+Z undoes the last change</source>
        <translation>Ctrl+Z fortryder den seneste ændring</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>Valid from</source>
        <translation>Gælder fra</translation>
    </message>
    <message>
        <source>Hours per weekday</source>
        <translation>Timer pr. ugedag</translation>
    </message>
    <message>
        <source>Per week</source>
        <translation>Pr. uge</translation>
    </message>
    <message>
        <source>Paid per week</source>
        <translation>Løntimer pr. uge</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ændring</translation>
    </message>
    <message>
        <source>Hours plan</source>
        <translation>Timeplan</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>e.g. 2x3, 2x4+1x3, man-fre 12-15, tir 2, tor 2</source>
        <translation>fx 2x3, 2x4+1x3, man-fre 12-15, tir 2, tor 2</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Læses som</translation>
    </message>
    <message>
        <source>Paid hours per week</source>
        <translation>Løntimer pr. uge</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>&amp;Tilføj trin</translation>
    </message>
    <message>
        <source>&amp;Remove selected step</source>
        <translation>&amp;Fjern valgte trin</translation>
    </message>
    <message>
        <source>Planned and attended hours per week</source>
        <translation>Planlagte og fremmødte timer pr. uge</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>Forløb:</translation>
    </message>
    <message>
        <source>no placements yet</source>
        <translation>ingen forløb endnu</translation>
    </message>
    <message>
        <source>nothing planned yet</source>
        <translation>intet planlagt endnu</translation>
    </message>
    <message>
        <source>Planned, unpaid</source>
        <translation>Planlagt, ulønnet</translation>
    </message>
    <message>
        <source>Paid hours</source>
        <translation>Løntimer</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planlagt</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>skal være et tal</translation>
    </message>
    <message>
        <source>Hours step from %1: %2</source>
        <translation>Timetrin fra %1: %2</translation>
    </message>
    <message>
        <source>Remove hours step from %1</source>
        <translation>Fjern timetrin fra %1</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Name, ref, CPR or CVR…</source>
        <translation>Navn, ref., CPR eller CVR…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Resultater</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Forløb</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>Sprog (efter genstart)</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Placement Desk – first start</source>
        <translation>Placement Desk – første start</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindst %1 tegn</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Gentag adgangskode</translation>
    </message>
    <message>
        <source>Create administrator</source>
        <translation>Opret administrator</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Your recovery code</source>
        <translation>Din gendannelseskode</translation>
    </message>
    <message>
        <source>If every administrator forgets their password, this code is the only way into the encrypted database. It is shown only this once.

Write it down or print it, and keep it somewhere safe and locked — not on this computer.</source>
        <translation>Hvis alle administratorer glemmer deres adgangskode, er denne kode den eneste vej ind i den krypterede database. Den vises kun denne ene gang.

Skriv den ned eller udskriv den, og opbevar den et sikkert, aflåst sted — ikke på denne computer.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Udskriv…</translation>
    </message>
    <message>
        <source>I have written the recovery code down and put it somewhere safe</source>
        <translation>Jeg har skrevet gendannelseskoden ned og lagt den et sikkert sted</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsæt</translation>
    </message>
    <message>
        <source>Welcome. The team database has no users yet. Create the first administrator; they can then add the other users.</source>
        <translation>Velkommen. Teamets database har endnu ingen brugere. Opret den første administrator; vedkommende kan derefter oprette de andre brugere.</translation>
    </message>
    <message>
        <source>Welcome. Placement Desk now protects its database with user names and passwords, and encrypts it.

The existing database %1 will be encrypted now. An encrypted copy is kept first, so nothing is lost if something goes wrong.

Create the first administrator; they can then add the other users.</source>
        <translation>Velkommen. Placement Desk beskytter nu sin database med brugernavne og adgangskoder og krypterer den.

Den eksisterende database %1 bliver krypteret nu. Der gemmes først en krypteret kopi, så intet går tabt, hvis noget går galt.

Opret den første administrator; vedkommende kan derefter oprette de andre brugere.</translation>
    </message>
    <message>
        <source>Welcome to Placement Desk. Create the first administrator; they can then add the other users. The database is encrypted on this computer.</source>
        <translation>Velkommen til Placement Desk. Opret den første administrator; vedkommende kan derefter oprette de andre brugere. Databasen krypteres på denne computer.</translation>
    </message>
    <message>
        <source>The database is encrypted now. The copy taken first: %1</source>
        <translation>Databasen er nu krypteret. Kopien, der blev taget først: %1</translation>
    </message>
    <message>
        <source>Copied. Paste it where it is safe, then clear the clipboard.</source>
        <translation>Kopieret. Indsæt den et sikkert sted, og ryd derefter udklipsholderen.</translation>
    </message>
    <message>
        <source>Placement Desk – recovery code

Database: %1

%2

Keep this paper somewhere safe and locked.</source>
        <translation>Placement Desk – gendannelseskode

Database: %1

%2

Opbevar dette papir et sikkert, aflåst sted.</translation>
    </message>
</context>
<context>
    <name>SheetButtons</name>
    <message>
        <source>Attendance sheet for the month…</source>
        <translation>Fremmødeark for måneden…</translation>
    </message>
    <message>
        <source>Read a filled-in sheet…</source>
        <translation>Indlæs et udfyldt ark…</translation>
    </message>
    <message>
        <source>Attendance sheet</source>
        <translation>Fremmødeark</translation>
    </message>
    <message>
        <source>Save attendance sheet</source>
        <translation>Gem fremmødeark</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>File: could not save %1 (%2).</source>
        <translation>Fil: %1 kunne ikke gemmes (%2).</translation>
    </message>
    <message>
        <source>Read attendance sheet</source>
        <translation>Indlæs fremmødeark</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Intet er gemt.</translation>
    </message>
    <message>
        <source>%1 new days saved, %2 overwritten, %3 unchanged, %4 conflicts not overwritten</source>
        <translation>%1 nye dage gemt, %2 overskrevet, %3 uændrede, %4 konflikter ikke overskrevet</translation>
    </message>
    <message>
        <source>; the hours in %1 rows were rounded to the whole minute</source>
        <translation>; timerne i %1 rækker er afrundet til hele minutter</translation>
    </message>
    <message>
        <source>Days already registered</source>
        <translation>Dage der allerede er registreret</translation>
    </message>
    <message>
        <source>%1 days on the sheet are already registered differently.</source>
        <translation>%1 dage på arket er allerede registreret anderledes.</translation>
    </message>
    <message>
        <source>Use the sheet's values</source>
        <translation>Brug arkets værdier</translation>
    </message>
    <message>
        <source>Keep what is registered</source>
        <translation>Behold det registrerede</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>Forms</source>
        <translation>Formularer</translation>
    </message>
    <message>
        <source>Next / previous field</source>
        <translation>Næste / forrige felt</translation>
    </message>
    <message>
        <source>Next field; in the last field: save</source>
        <translation>Næste felt; i det sidste felt: gem</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Søg</translation>
    </message>
    <message>
        <source>Open the first match</source>
        <translation>Åbn det første fund</translation>
    </message>
    <message>
        <source>Into the list / back to the search field</source>
        <translation>Ned i listen / tilbage til søgefeltet</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>New placement</source>
        <translation>Nyt forløb</translation>
    </message>
    <message>
        <source>New observation (from any tab)</source>
        <translation>Ny observation (fra alle faner)</translation>
    </message>
    <message>
        <source>Placements: edit the selected placement</source>
        <translation>Forløb: rediger det valgte forløb</translation>
    </message>
    <message>
        <source>Follow-up: save</source>
        <translation>Opfølgning: gem</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Fremmøde</translation>
    </message>
    <message>
        <source>Hours present</source>
        <translation>Timer mødt</translation>
    </message>
    <message>
        <source>Present as planned</source>
        <translation>Mødt som planlagt</translation>
    </message>
    <message>
        <source>Sick / agreed absence / no-show</source>
        <translation>Syg / aftalt fravær / udeblevet</translation>
    </message>
    <message>
        <source>Reason and note of the day</source>
        <translation>Dagens årsag og notat</translation>
    </message>
    <message>
        <source>Clear the day</source>
        <translation>Ryd dagen</translation>
    </message>
    <message>
        <source>The whole week as planned</source>
        <translation>Hele ugen som planlagt</translation>
    </message>
    <message>
        <source>Back / on</source>
        <translation>Tilbage / frem</translation>
    </message>
    <message>
        <source>Hours plan</source>
        <translation>Timeplan</translation>
    </message>
    <message>
        <source>Add the step</source>
        <translation>Tilføj trinnet</translation>
    </message>
    <message>
        <source>Remove the selected step</source>
        <translation>Fjern det valgte trin</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Hvor</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Hvad den gør</translation>
    </message>
    <message>
        <source>Everything can be done from the keyboard:</source>
        <translation>Alt kan gøres fra tastaturet:</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database is damaged</source>
        <translation>Databasen er beskadiget</translation>
    </message>
    <message>
        <source>The database failed its integrity check and there is no good backup in %1. Nothing has been written. Contact your IT support.</source>
        <translation>Databasen bestod ikke integritetstjekket, og der er ingen god sikkerhedskopi i %1. Intet er skrevet. Kontakt din IT-support.</translation>
    </message>
    <message>
        <source>The database failed its integrity check. Nothing has been written.

Restore the newest good backup from %1?</source>
        <translation>Databasen bestod ikke integritetstjekket. Intet er skrevet.

Vil du gendanne den nyeste gode sikkerhedskopi fra %1?</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>Gendan sikkerhedskopi</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afslut</translation>
    </message>
    <message>
        <source>The backup could not be restored.</source>
        <translation>Sikkerhedskopien kunne ikke gendannes.</translation>
    </message>
    <message>
        <source>Placement Desk will not save anything to this database. You can still read it.</source>
        <translation>Placement Desk gemmer ikke noget i denne database. Du kan stadig læse i den.</translation>
    </message>
</context>
<context>
    <name>StatementDialog</name>
    <message>
        <source>Workplace statement · %1</source>
        <translation>Virksomhedens udtalelse · %1</translation>
    </message>
    <message>
        <source>The workplace's own words about %1's placement (%2). They go into the documentation the municipality receives, dated and with your name.</source>
        <translation>Virksomhedens egne ord om %1s forløb (%2). De kommer med i den dokumentation, kommunen får, dateret og med dit navn.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Om</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Udtalelse</translation>
    </message>
    <message>
        <source>How the work goes: tasks, tempo, cooperation, what helps (Ctrl+Enter saves)</source>
        <translation>Hvordan arbejdet går: opgaver, tempo, samarbejde, hvad der hjælper (Ctrl+Enter gemmer)</translation>
    </message>
    <message>
        <source>No statement given yet.</source>
        <translation>Ingen udtalelse givet endnu.</translation>
    </message>
    <message>
        <source>Date: write the day of the statement (dd-mm-yyyy)</source>
        <translation>Dato: skriv udtalelsens dato (dd-mm-åååå)</translation>
    </message>
    <message>
        <source>Date: %1 is not a date (dd-mm-yyyy)</source>
        <translation>Dato: %1 er ikke en dato (dd-mm-åååå)</translation>
    </message>
    <message>
        <source>Date: %1 is after today</source>
        <translation>Dato: %1 ligger efter i dag</translation>
    </message>
    <message>
        <source>Statement: write the workplace's words</source>
        <translation>Udtalelse: skriv virksomhedens ord</translation>
    </message>
    <message>
        <source>Workplace statement</source>
        <translation>Virksomhedens udtalelse</translation>
    </message>
</context>
<context>
    <name>TaskGrid</name>
    <message>
        <source>Task</source>
        <translation>Opgave</translation>
    </message>
    <message>
        <source>Time %</source>
        <translation>Tid %</translation>
    </message>
    <message>
        <source>Tempo %</source>
        <translation>Tempo %</translation>
    </message>
    <message>
        <source>Quality %</source>
        <translation>Kvalitet %</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>No referrals or placements yet</source>
        <translation>Ingen henvisninger eller forløb endnu</translation>
    </message>
</context>
<context>
    <name>UiContext</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Ændret af en anden</translation>
    </message>
    <message>
        <source>Someone else saved this record after your change. Undoing or redoing your change now would overwrite theirs.</source>
        <translation>En anden har gemt denne post efter din ændring. Hvis du fortryder eller gentager din ændring nu, overskrives deres.</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Behold deres</translation>
    </message>
    <message>
        <source>Overwrite theirs</source>
        <translation>Overskriv deres</translation>
    </message>
    <message>
        <source>Someone else saved a newer version of this record while you were editing it.</source>
        <translation>En anden har gemt en nyere version af oplysningerne, mens du redigerede dem.</translation>
    </message>
    <message>
        <source>Reload shows their version (your changes are dropped). Keep mine saves your version over theirs.</source>
        <translation>Indlæs igen viser den andens version (dine ændringer kasseres). Behold mine gemmer din version oven i den andens.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Indlæs igen</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Behold mine</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Ikke tilladt</translation>
    </message>
    <message>
        <source>Could not save</source>
        <translation>Kunne ikke gemme</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>New user</source>
        <translation>Ny bruger</translation>
    </message>
    <message>
        <source>Change user %1</source>
        <translation>Ret brugeren %1</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>mindst %1 tegn</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Gentag adgangskode</translation>
    </message>
    <message>
        <source>Active (may sign in)</source>
        <translation>Aktiv (kan logge ind)</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>User name</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Virksomhed</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>New user…</source>
        <translation>Ny bruger…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ret…</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>Ny adgangskode…</translation>
    </message>
    <message>
        <source>Workplace mentors see only attendance at their own company. Case workers can read but not change anything.</source>
        <translation>Virksomhedsmentorer ser kun fremmøde i deres egen virksomhed. Sagsbehandlere kan læse, men ikke ændre noget.</translation>
    </message>
</context>
<context>
    <name>WorkMenu</name>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Annulleret. Intet blev ændret.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Intet blev ændret.</translation>
    </message>
    <message>
        <source>&amp;Import case file…</source>
        <translation>&amp;Importér sagsfil…</translation>
    </message>
    <message>
        <source>&amp;Export case file…</source>
        <translation>&amp;Eksportér sagsfil…</translation>
    </message>
    <message>
        <source>Load &amp;demo data</source>
        <translation>Indlæs &amp;demodata</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Tag sikkerhedskopi nu</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Gendan en sikkerhedskopi…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>Ind&amp;stillinger…</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Ikke tilladt</translation>
    </message>
    <message>
        <source>Import case file</source>
        <translation>Importér sagsfil</translation>
    </message>
    <message>
        <source>Case files (*.json)</source>
        <translation>Sagsfiler (*.json)</translation>
    </message>
    <message>
        <source>Export case file</source>
        <translation>Eksportér sagsfil</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gemt i %1</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>Indlæs demodata</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Sikkerhedskopi</translation>
    </message>
    <message>
        <source>Backup saved and verified:
%1</source>
        <translation>Sikkerhedskopien er gemt og kontrolleret:
%1</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Gendan en sikkerhedskopi</translation>
    </message>
    <message>
        <source>Backups (*.db)</source>
        <translation>Sikkerhedskopier (*.db)</translation>
    </message>
    <message>
        <source>Replace the database with this backup? Everything saved after it was made is replaced; the current database is kept as a safety copy next to it.</source>
        <translation>Erstat databasen med denne sikkerhedskopi? Alt, der er gemt efter den blev taget, erstattes; den nuværende database gemmes som en ekstra kopi ved siden af.</translation>
    </message>
    <message>
        <source>Restored. The database as it was is kept in %1</source>
        <translation>Gendannet. Databasen, som den var, er gemt i %1</translation>
    </message>
</context>
<context>
    <name>launch</name>
    <message>
        <source>Not allowed</source>
        <translation>Ikke tilladt</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Uventet fejl</translation>
    </message>
    <message>
        <source>Something went wrong. Nothing you saved is lost.
The details are in %1</source>
        <translation>Noget gik galt. Intet af det, du har gemt, er gået tabt.
Detaljerne står i %1</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>from %1: %2</source>
        <translation>fra %1: %2</translation>
    </message>
    <message>
        <source>, %1 paid</source>
        <translation>, heraf %1 løntimer</translation>
    </message>
</context>
</TS>