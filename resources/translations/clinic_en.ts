<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BundlePassphraseDialog</name>
    <message numerus="yes">
        <source>Use at least %n characters; a few unrelated words work well.</source>
        <translation><numerusform>Use at least %n characters; a few unrelated words work well.</numerusform><numerusform>Use at least %n characters; a few unrelated words work well.</numerusform></translation>
    </message>
</context>
<context>
    <name>CalendarExporter</name>
    <message numerus="yes">
        <source>%n hearing(s)</source>
        <translation><numerusform>%n hearing</numerusform><numerusform>%n hearings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n deadline(s)</source>
        <translation><numerusform>%n deadline</numerusform><numerusform>%n deadlines</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseBundleActions</name>
    <message numerus="yes">
        <source>Saved case {0} with %n evidence file(s), encrypted, to {1}.</source>
        <translation><numerusform>Saved case {0} with %n evidence file, encrypted, to {1}.</numerusform><numerusform>Saved case {0} with %n evidence files, encrypted, to {1}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n case(s) ({0}) with {1}.</source>
        <translation><numerusform>Imported %n case ({0}) with {1}.</numerusform><numerusform>Imported %n cases ({0}) with {1}.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n evidence file(s)</source>
        <translation><numerusform>%n evidence file</numerusform><numerusform>%n evidence files</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation><numerusform>%n overdue</numerusform><numerusform>%n overdue</numerusform></translation>
    </message>
</context>
<context>
    <name>CaseListExporter</name>
    <message numerus="yes">
        <source>Saved %n case(s) to {0}.</source>
        <translation><numerusform>Saved %n case to {0}.</numerusform><numerusform>Saved %n cases to {0}.</numerusform></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message numerus="yes">
        <source>%n case(s)</source>
        <translation><numerusform>%n case</numerusform><numerusform>%n cases</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>More than %n case(s)</source>
        <translation><numerusform>More than %n case</numerusform><numerusform>More than %n cases</numerusform></translation>
    </message>
</context>
<context>
    <name>ConflictPage</name>
    <message numerus="yes">
        <source>other people entered: %n</source>
        <translation><numerusform>other people entered: %n</numerusform><numerusform>other people entered: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Possible matches: %n. This intake cannot be saved:</source>
        <translation><numerusform>Possible matches: %n. This intake cannot be saved:</numerusform><numerusform>Possible matches: %n. This intake cannot be saved:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Possible matches: %n. The new client is most likely already a client:</source>
        <translation><numerusform>Possible matches: %n. The new client is most likely already a client:</numerusform><numerusform>Possible matches: %n. The new client is most likely already a client:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Possible matches: %n. Save only if none of them is the same person or a conflict of interest.</source>
        <translation><numerusform>Possible matches: %n. Save only if none of them is the same person or a conflict of interest.</numerusform><numerusform>Possible matches: %n. Save only if none of them is the same person or a conflict of interest.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Conflict check at intake: possible matches reviewed and recorded as no conflict: %n.</source>
        <translation><numerusform>Conflict check at intake: possible matches reviewed and recorded as no conflict: %n.</numerusform><numerusform>Conflict check at intake: possible matches reviewed and recorded as no conflict: %n.</numerusform></translation>
    </message>
</context>
<context>
    <name>EvidenceFilesPanel</name>
    <message numerus="yes">
        <source>Encrypting %n file(s)…</source>
        <translation><numerusform>Encrypting %n file…</numerusform><numerusform>Encrypting %n files…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Attached %n file(s), encrypted.</source>
        <translation><numerusform>Attached %n file, encrypted.</numerusform><numerusform>Attached %n files, encrypted.</numerusform></translation>
    </message>
</context>
<context>
    <name>ExhibitListModel</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n file</numerusform><numerusform>%n files</numerusform></translation>
    </message>
</context>
<context>
    <name>FormsBox</name>
    <message numerus="yes">
        <source>(and %n more)</source>
        <translation><numerusform>(and %n more)</numerusform><numerusform>(and %n more)</numerusform></translation>
    </message>
</context>
<context>
    <name>OlderCopyBanner</name>
    <message numerus="yes">
        <source>This is an older copy of the store: it lacks %n change(s) made after it. It is open read-only: you can read everything, but nothing can be saved.</source>
        <translation><numerusform>This is an older copy of the store: it lacks %n change made after it. It is open read-only: you can read everything, but nothing can be saved.</numerusform><numerusform>This is an older copy of the store: it lacks %n changes made after it. It is open read-only: you can read everything, but nothing can be saved.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This copy lacks %n change(s) made after it; only a backup can bring back what is missing.</source>
        <translation><numerusform>This copy lacks %n change made after it; only a backup can bring back what is missing.</numerusform><numerusform>This copy lacks %n changes made after it; only a backup can bring back what is missing.</numerusform></translation>
    </message>
</context>
<context>
    <name>PacketDialog</name>
    <message numerus="yes">
        <source>Saved %n part(s) in {0}. The files are NOT encrypted.</source>
        <translation><numerusform>Saved %n part in {0}. The files are NOT encrypted.</numerusform><numerusform>Saved %n parts in {0}. The files are NOT encrypted.</numerusform></translation>
    </message>
</context>
<context>
    <name>RulesUpgrade</name>
    <message numerus="yes">
        <source>Deadlines were recomputed with this version's corrected rules (%n rule(s) changed).</source>
        <translation><numerusform>Deadlines were recomputed with this version's corrected rules (%n rule changed).</numerusform><numerusform>Deadlines were recomputed with this version's corrected rules (%n rules changed).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This version corrects %n deadline rule(s): the deadlines are updated for every case when an administrator next opens Clinic.</source>
        <translation><numerusform>This version corrects %n deadline rule: the deadlines are updated for every case when an administrator next opens Clinic.</numerusform><numerusform>This version corrects %n deadline rules: the deadlines are updated for every case when an administrator next opens Clinic.</numerusform></translation>
    </message>
</context>
<context>
    <name>StartListPanel</name>
    <message numerus="yes">
        <source>%n of 5 steps done.</source>
        <translation><numerusform>%n of 5 steps done.</numerusform><numerusform>%n of 5 steps done.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of 2 steps done.</source>
        <translation><numerusform>%n of 2 steps done.</numerusform><numerusform>%n of 2 steps done.</numerusform></translation>
    </message>
</context>
<context>
    <name>ZoneReviewNotice</name>
    <message numerus="yes">
        <source>Upcoming hearings with a time zone other than their court's: %n. Review them.</source>
        <translation><numerusform>Upcoming hearings with a time zone other than their court's: %n. Review them.</numerusform><numerusform>Upcoming hearings with a time zone other than their court's: %n. Review them.</numerusform></translation>
    </message>
</context>
</TS>