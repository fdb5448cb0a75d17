<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../gui/errors.py" line="30"/>
        <source>The computer ran out of memory. Save your work, close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="33"/>
        <source>A file could not be read or written{where}: {why}. Check that the folder exists and that you may write to it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="36"/>
        <source>Something went wrong that policyeditor did not expect. Your text is kept; try again, and if it happens again, send the details below to whoever looks after policyeditor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="58"/>
        <source>policyeditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="65"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="65"/>
        <source>Export the redline as a web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="65"/>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="66"/>
        <source>Export the redline as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="66"/>
        <location filename="../../gui/export_dialogs.py" line="68"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="67"/>
        <source>Export the redline as Word (tracked changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="67"/>
        <location filename="../../gui/export_dialogs.py" line="69"/>
        <source>Word document (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="68"/>
        <source>Export the packet as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="69"/>
        <source>Export the packet as Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="74"/>
        <source>Publish the notice site to a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="75"/>
        <source>Tag a data file with the version in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="76"/>
        <source>Data files (*.csv *.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="113"/>
        <source>Tag a data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="114"/>
        <source>Which column holds the time each record was collected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="204"/>
        <source>Writing %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="209"/>
        <source>Export in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="235"/>
        <source>The notice site was written to the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="236"/>
        <source>Written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="238"/>
        <source>Open the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="238"/>
        <source>Open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_dialogs.py" line="245"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_jobs.py" line="128"/>
        <source>%1 pages and a feed for %2 policies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/export_jobs.py" line="138"/>
        <source>Tagged %1 records with %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="57"/>
        <source>adopted, effective on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="62"/>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="64"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="68"/>
        <source>review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="70"/>
        <source>draft changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="83"/>
        <source>conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="119"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="119"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="119"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="168"/>
        <source>Search titles, codes and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="169"/>
        <source>Search policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_list.py" line="173"/>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_html.py" line="46"/>
        <source>Moved from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_html.py" line="46"/>
        <source>Moved here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="49"/>
        <source>Compare the draft with</source>
        <extracomment>the user chose another version to compare with (its number)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="50"/>
        <source>&amp;Compare with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="57"/>
        <source>Summary of the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="60"/>
        <source>Redline of the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="61"/>
        <source>The redline of the draft appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="66"/>
        <source>▲ Previous change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="67"/>
        <source>Show the previous change (Shift+F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="68"/>
        <source>Previous change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="70"/>
        <source>Next change ▼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="71"/>
        <source>Show the next change (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="72"/>
        <source>Next change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="74"/>
        <source>Which change is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="126"/>
        <source>Version {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="132"/>
        <source>Nothing yet (a new policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="233"/>
        <source>No changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/redline_pane.py" line="235"/>
        <source>Change {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="72"/>
        <source>Resolve conflict: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="75"/>
        <source>This policy was changed differently on this workstation and on the shared library. Both are kept until you choose. Red is what each side deleted, blue what it added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="85"/>
        <source>Passage {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="87"/>
        <source>In the model policy ({source}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="88"/>
        <source>On the shared library:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="89"/>
        <source>Here (this workstation):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="96"/>
        <source>Keep this workstation&apos;s wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="96"/>
        <source>Keep the shared library&apos;s wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="97"/>
        <source>Keep both, this workstation&apos;s first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="97"/>
        <source>Write the passage myself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="98"/>
        <source>Choice for passage {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="111"/>
        <source>Recorded details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="119"/>
        <source>Keep the shared library&apos;s (already shared; a recorded fact never changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/conflict_view.py" line="120"/>
        <source>Keep this workstation&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/model_updates.py" line="56"/>
        <source>Model policy updates: {association}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/model_updates.py" line="60"/>
        <source>No model policy changed since the last update taken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/model_updates.py" line="63"/>
        <source>not in this library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/model_updates.py" line="71"/>
        <source>Name of this update (for the memo):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/model_updates.py" line="74"/>
        <source>Merge into Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="140"/>
        <source>The library could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="145"/>
        <source>Opening {path}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="172"/>
        <source>A change cut short was repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="181"/>
        <source>Autosave failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="207"/>
        <source>Saves are signed with this computer&apos;s login until you give your name and e-mail in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="212"/>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="232"/>
        <source>{n} policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="282"/>
        <source>Restored the unsaved changes of {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="299"/>
        <location filename="../../gui/session.py" line="319"/>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="317"/>
        <source>Saved ({sha}) as {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="319"/>
        <source>Saved ({sha}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="338"/>
        <source>Saving as {name} &lt;{email}&gt;...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="340"/>
        <source>Saving...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="351"/>
        <source>The draft was changed elsewhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="352"/>
        <source>The draft of {title} was saved by someone else (another window, the command line or another workstation) since you opened it. Below, their text is shown changed into yours: struck words are theirs only, underlined words yours only.

Keep your text (their changes are replaced), take their text (your changes are dropped), or cancel and compare first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="357"/>
        <source>&amp;Keep my text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="357"/>
        <source>&amp;Take their text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="363"/>
        <source>Their text is shown; your changes were dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="366"/>
        <source>Not saved: the draft was changed elsewhere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="379"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="380"/>
        <source>The draft of {title} has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="410"/>
        <source>Restore unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/session.py" line="411"/>
        <source>policyeditor was not closed properly last time. Unsaved changes to {titles} were kept. Restore them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsFeature</name>
    <message>
        <location filename="../../gui/features/conflicts.py" line="26"/>
        <location filename="../../gui/features/conflicts.py" line="40"/>
        <source>Resolve conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/conflicts.py" line="30"/>
        <source>This policy has no conflict to resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/conflicts.py" line="53"/>
        <source>Conflict resolved. Sync to send your choice to the shared library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../gui/event_dialog.py" line="426"/>
        <source>Correct a date: %1, version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="440"/>
        <source>Reason for the correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="441"/>
        <source>A correction is recorded as its own entry: the history keeps the date first recorded, the right date, the reason, when and who.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="446"/>
        <source>&amp;Correct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="448"/>
        <source>&amp;Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="451"/>
        <source>&amp;Right date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="454"/>
        <source>&amp;Why (kept in the history):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <location filename="../../gui/editor/widget.py" line="31"/>
        <source>Draft text</source>
        <extracomment>the draft&apos;s text model changed (typing, formatting, undo); for the redline</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/widget.py" line="32"/>
        <source>The policy&apos;s draft. Save commits it to the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../gui/event_dialog.py" line="137"/>
        <source>Record an event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="138"/>
        <source>Record an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="159"/>
        <source>This change is &amp;editorial, not substantive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="162"/>
        <source>&amp;Why is it editorial? (printed on the redline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="171"/>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="178"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="178"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="179"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="179"/>
        <source>Use the earliest valid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="180"/>
        <source>Editorial change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="181"/>
        <source>Why the change is editorial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="182"/>
        <source>Rule checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="183"/>
        <source>Dates on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="184"/>
        <source>Change class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="184"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="190"/>
        <source>E&amp;vent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="191"/>
        <source>Versi&amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="193"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="219"/>
        <source>First reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="220"/>
        <source>Second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="221"/>
        <source>Adoption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="222"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="223"/>
        <source>Effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="224"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="225"/>
        <source>Withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="246"/>
        <source>New version %1 (the current draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="249"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="251"/>
        <source>(legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="333"/>
        <source>The change is editorial: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="334"/>
        <source>The change looks substantive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="345"/>
        <source>This policy has no version yet. Record a first reading first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="357"/>
        <source>Write why this change is editorial; the justification is recorded and printed on the redline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="365"/>
        <source>Nothing recorded yet: this begins a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="366"/>
        <source>first reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="367"/>
        <source>second reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="367"/>
        <source>adopted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="368"/>
        <source>posted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="368"/>
        <source>effective %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="369"/>
        <source>withdrawn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="373"/>
        <source>legacy (exempt from the notice rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="375"/>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="376"/>
        <source>On record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="382"/>
        <source>Use the earliest valid date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/event_dialog.py" line="389"/>
        <source>Every rule passes for this date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsFeature</name>
    <message>
        <location filename="../../gui/features/events.py" line="34"/>
        <source>Version {n} was withdrawn; no step follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="43"/>
        <source>Adopt the amended text?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="44"/>
        <source>The draft was changed after the first reading. These are the amendments ([-removed-] {{+added+}}):

{changes}

Did the committee adopt the text as amended?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="51"/>
        <source>Withdraw version {n}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="52"/>
        <source>Version {n} was read on {date} and is still pending (neither adopted nor withdrawn). The new version supersedes it. Withdraw version {n} on {when}, so the notice site and the history no longer show it as on its way?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="78"/>
        <source>Recorded for version {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="80"/>
        <source>Withdrawn: version {list}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="89"/>
        <source>Draft as presented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="107"/>
        <source>Select the version whose date is wrong first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="111"/>
        <source>Version {n} has no recorded date to correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="119"/>
        <source>Corrected: {old} -&gt; {new} for version {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/events.py" line="130"/>
        <source>Memo saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="31"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="32"/>
        <source>Find text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="34"/>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="35"/>
        <source>Replacement text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="36"/>
        <source>Match ca&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="53"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="54"/>
        <source>Previo&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="55"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="56"/>
        <source>Replace a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="66"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="67"/>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/editor/find_bar.py" line="111"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/editor/find_bar.py" line="152"/>
        <source>%n replaced</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../gui/first_run.py" line="20"/>
        <location filename="../../gui/first_run.py" line="21"/>
        <source>Welcome to policyeditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="23"/>
        <source>policyeditor keeps your district&apos;s policies in a library folder: every draft, every version, its readings, posting and effective dates.

How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="30"/>
        <source>&amp;Open a library folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="30"/>
        <source>A library someone already set up, for example on the file server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="32"/>
        <source>&amp;Create a new library...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="32"/>
        <source>An empty library for your district.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="33"/>
        <source>Open the &amp;demo library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/first_run.py" line="33"/>
        <source>Sample policies to try things out; nothing you do there matters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityDialog</name>
    <message>
        <location filename="../../gui/settings_dialog.py" line="122"/>
        <location filename="../../gui/settings_dialog.py" line="123"/>
        <source>Who is working?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="124"/>
        <source>Every change you save is recorded in the library&apos;s history with your name and e-mail, so everyone can see who changed what; Word&apos;s tracked changes show your name too. You can change them later in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="129"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="131"/>
        <source>Your e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="136"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="136"/>
        <source>Your &amp;e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="158"/>
        <source>The e-mail address should look like name@district.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="160"/>
        <source>Give your name and your e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportFeature</name>
    <message>
        <location filename="../../gui/features/importing.py" line="41"/>
        <location filename="../../gui/features/importing.py" line="64"/>
        <location filename="../../gui/features/importing.py" line="93"/>
        <location filename="../../gui/features/importing.py" line="124"/>
        <source>Import documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="42"/>
        <source>One document...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="42"/>
        <source>A folder of documents...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="43"/>
        <source>What do you want to import?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="67"/>
        <location filename="../../gui/features/importing.py" line="131"/>
        <location filename="../../gui/features/importing.py" line="144"/>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="75"/>
        <source>Import them as if every change were accepted? (No: they are left out; accept or reject the changes in Word first.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="85"/>
        <source>Reading the documents...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="94"/>
        <source>%1 does not say which policy it is. Its title (for example Website Privacy):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="108"/>
        <source>Will be created (or found already in the library, then left as it is):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="114"/>
        <source>Will not be imported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/importing.py" line="147"/>
        <source>Importing...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../gui/library_dialog.py" line="58"/>
        <location filename="../../gui/library_dialog.py" line="59"/>
        <source>District details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="81"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="97"/>
        <source>&amp;District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="97"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="98"/>
        <source>&amp;Committee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="98"/>
        <source>Committee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="99"/>
        <source>&amp;Salutation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="99"/>
        <source>Memo salutation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="100"/>
        <source>Si&amp;gner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="100"/>
        <source>Memo signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="101"/>
        <source>Signer&apos;s &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="101"/>
        <source>Signer&apos;s title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="102"/>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="102"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="103"/>
        <source>&amp;Notice period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="103"/>
        <source>Notice period for substantive changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="105"/>
        <source>&amp;Website:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="105"/>
        <source>Website of the notice site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="113"/>
        <source>Substantive changes must be posted at least this many days before they take effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="134"/>
        <source>Write the district&apos;s name; it heads every memo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="136"/>
        <source>Write the committee&apos;s name (for example School Committee).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/library_dialog.py" line="139"/>
        <source>&apos;%1&apos; is not a time zone. Choose one from the list, for example America/New_York or Europe/London.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryFeature</name>
    <message>
        <location filename="../../gui/features/library.py" line="41"/>
        <source>Open a policy library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/library.py" line="55"/>
        <source>Choose an empty folder for the new library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/library.py" line="58"/>
        <source>New library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/library.py" line="58"/>
        <source>Name of the school district:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="90"/>
        <source>Choose a policy in the list to read and edit its draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="113"/>
        <source>Policy views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="114"/>
        <source>Dr&amp;aft and redline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="115"/>
        <source>Versions and &amp;timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="116"/>
        <source>&amp;Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="128"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="138"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="141"/>
        <location filename="../../gui/mainwindow.py" line="143"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="153"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="352"/>
        <source>Put the cursor in a table to add a row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="356"/>
        <source>Put the cursor in a table to add a column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="368"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="368"/>
        <source>Web address (empty: no link):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="377"/>
        <source>About policyeditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="378"/>
        <source>policyeditor {version}

Keeps a school district&apos;s policies: drafts, versions, readings, posting and effective dates, redlines and packets, in a git library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <location filename="../../gui/memo_panel.py" line="92"/>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="93"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="94"/>
        <source>Supporting data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="95"/>
        <source>F&amp;irst reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="96"/>
        <source>Seco&amp;nd reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="102"/>
        <source>Packet for the first reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="103"/>
        <source>Packet for the second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="104"/>
        <source>&amp;Save memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="105"/>
        <source>Save memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="109"/>
        <source>Packet preview: memo page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="116"/>
        <source>&amp;Recommendation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="117"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="118"/>
        <source>S&amp;upporting data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="135"/>
        <source>Pac&amp;ket preview (memo page):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="122"/>
        <source>Reading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="205"/>
        <source>Printed when left empty: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/memo_panel.py" line="254"/>
        <source>Choose a policy with a version to see its memo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoliciesFeature</name>
    <message>
        <location filename="../../gui/features/policies.py" line="29"/>
        <source>Save with a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/policies.py" line="30"/>
        <source>What changed, and why (for the history):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/policies.py" line="41"/>
        <location filename="../../gui/features/policies.py" line="46"/>
        <source>New policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/policies.py" line="41"/>
        <source>Title of the policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/policies.py" line="47"/>
        <source>Short name (lowercase letters, digits and &apos;-&apos;; used for files and tags):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/policies.py" line="72"/>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/policies.py" line="77"/>
        <source>Saved the details of {title}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <location filename="../../gui/policy_dialog.py" line="29"/>
        <source>Details of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="30"/>
        <source>Policy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="33"/>
        <source>for example IJNDC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="36"/>
        <source>no review cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="37"/>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="39"/>
        <source>&amp;Own notice period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="41"/>
        <source>Without its own period, the library&apos;s applies (%1 days).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="44"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="66"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="66"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="67"/>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="67"/>
        <source>Classification code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="68"/>
        <source>&amp;Review every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="68"/>
        <source>Review cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="74"/>
        <source>Notice period for substantive changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="75"/>
        <source>The policy has its own notice period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="76"/>
        <source>Notice period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/policy_dialog.py" line="86"/>
        <source>Write the policy&apos;s title, for example Website Privacy Policy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../gui/settings_dialog.py" line="35"/>
        <location filename="../../gui/settings_dialog.py" line="36"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="38"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="40"/>
        <source>Your e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="42"/>
        <location filename="../../gui/settings_dialog.py" line="85"/>
        <source>Library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="45"/>
        <source>Recent libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="56"/>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="57"/>
        <source>Choose the library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="63"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="64"/>
        <source>Your &amp;e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="65"/>
        <source>&amp;Library folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="66"/>
        <source>&amp;Recent libraries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="71"/>
        <source>Your name and e-mail are written into the library&apos;s history with every save, so everyone can see who changed what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="94"/>
        <source>The e-mail address should look like name@district.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/settings_dialog.py" line="96"/>
        <source>Give both your name and your e-mail, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncFeature</name>
    <message>
        <location filename="../../gui/features/sync.py" line="31"/>
        <source>Sync with shared library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/sync.py" line="35"/>
        <source>Address of the shared library (https://..., ssh://... or a folder on the file server):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/sync.py" line="64"/>
        <source>The sync did not happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/sync.py" line="67"/>
        <source>Syncing with the shared library...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../gui/timeline_view.py" line="59"/>
        <source>Timeline of the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="97"/>
        <source>No policy selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="101"/>
        <location filename="../../gui/timeline_view.py" line="216"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="103"/>
        <source>, in force from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="105"/>
        <source> to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="107"/>
        <source>, takes effect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="152"/>
        <source>No versions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="205"/>
        <location filename="../../gui/timeline_view.py" line="260"/>
        <source>in force from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="218"/>
        <source>(legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="226"/>
        <source>Years with no events are drawn shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="262"/>
        <source>in force (legacy: predates the tool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="264"/>
        <location filename="../../gui/timeline_view.py" line="377"/>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="273"/>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="273"/>
        <source>to this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="274"/>
        <source>Version %1 in force from %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="276"/>
        <source>Version %1 will be in force from %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="289"/>
        <source>Posted %1; %2 days&apos; notice ends %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="295"/>
        <source>First reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="296"/>
        <source>Second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="297"/>
        <source>Adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="298"/>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="299"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="300"/>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="326"/>
        <source>Takes effect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="326"/>
        <source>Effective %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="357"/>
        <source>Earliest date that passes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="365"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="371"/>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="378"/>
        <source>legacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="379"/>
        <source>notice period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="382"/>
        <source>rule fails (hover for why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="387"/>
        <source>Version %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="389"/>
        <source>Legacy: predates the tool, exempt from the notice rules (2 and 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/timeline_view.py" line="391"/>
        <source>Marked editorial: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UpstreamFeature</name>
    <message>
        <location filename="../../gui/features/upstream.py" line="22"/>
        <source>Model policy updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/upstream.py" line="29"/>
        <source>This library follows no model manual yet. Add one on the command line: policyeditor upstream add NAME FOLDER-OR-ADDRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/upstream.py" line="33"/>
        <source>Model manual:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/upstream.py" line="38"/>
        <source>Reading the model manual...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/features/upstream.py" line="47"/>
        <source>update of {date}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../gui/versions_panel.py" line="71"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="71"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="71"/>
        <source>First reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="72"/>
        <source>Second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="72"/>
        <source>Adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="72"/>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="73"/>
        <source>Effective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="73"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="110"/>
        <source>editorial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="110"/>
        <source>substantive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="111"/>
        <source>legacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="116"/>
        <source>(corrected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="121"/>
        <source>rule fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="127"/>
        <source>first reading held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="128"/>
        <source>second reading held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="129"/>
        <source>adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="130"/>
        <source>adopted, effective later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="131"/>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="132"/>
        <source>superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="133"/>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="140"/>
        <source>Legacy version: it predates the tool and is exempt from the notice rules (2 and 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="143"/>
        <source>Marked editorial because: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="145"/>
        <source>A legacy version takes effect on its adoption date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="148"/>
        <source>Corrected from %1 to %2 on %3 by %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../gui/versions_panel.py" line="152"/>
        <source>Posted text %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <location filename="../../gui/versions_panel.py" line="178"/>
        <source>Versions of the policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
