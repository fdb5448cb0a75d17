<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../policyeditor/gui/errors.py" line="30"/>
        <source>The computer ran out of memory. Save your work, close other programs and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/errors.py" line="33"/>
        <source>A file could not be read or written{where}: {why}. Check that the folder exists and that you may write to it, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/errors.py" line="36"/>
        <source>Something went wrong that policyeditor did not expect. Your text is kept; try again, and if it happens again, send the details below to whoever looks after policyeditor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/errors.py" line="58"/>
        <source>policyeditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/errors.py" line="65"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="60"/>
        <source>Export the redline as a web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="60"/>
        <source>Web page (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="61"/>
        <source>Export the redline as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="61"/>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="64"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="62"/>
        <source>Export the redline as Word (tracked changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="63"/>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="65"/>
        <source>Word document (*.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="64"/>
        <source>Export the packet as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="65"/>
        <source>Export the packet as Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="66"/>
        <source>Publish the notice site to a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="67"/>
        <source>Tag a data file with the version in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="68"/>
        <source>Data files (*.csv *.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="108"/>
        <source>Tag a data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="109"/>
        <source>Which column holds the time each record was collected?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="194"/>
        <source>Writing %1 ...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="199"/>
        <source>Export in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="225"/>
        <source>The notice site was written to the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="226"/>
        <source>Written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="228"/>
        <source>Open the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="228"/>
        <source>Open the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_dialogs.py" line="235"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_jobs.py" line="152"/>
        <source>%1 pages and a feed for %2 policies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/export_jobs.py" line="168"/>
        <source>Tagged %1 records with %2 (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="57"/>
        <source>adopted, effective on {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="62"/>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="64"/>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="68"/>
        <source>review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="70"/>
        <source>draft changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="117"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="117"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="117"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="166"/>
        <source>Search titles, codes and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="167"/>
        <source>Search policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/policy_list.py" line="171"/>
        <source>Policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_html.py" line="70"/>
        <source>Moved from here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_html.py" line="70"/>
        <source>Moved here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="49"/>
        <source>Compare the draft with</source>
        <extracomment>the user chose another version to compare with (its number)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="50"/>
        <source>&amp;Compare with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="57"/>
        <source>Summary of the changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="60"/>
        <source>Redline of the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="61"/>
        <source>The redline of the draft appears here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="66"/>
        <source>▲ Previous change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="67"/>
        <source>Show the previous change (Shift+F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="68"/>
        <source>Previous change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="70"/>
        <source>Next change ▼</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="71"/>
        <source>Show the next change (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="72"/>
        <source>Next change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="74"/>
        <source>Which change is shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="172"/>
        <source>No changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/redline_pane.py" line="174"/>
        <source>Change {n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftEditor</name>
    <message>
        <location filename="../../policyeditor/gui/editor/widget.py" line="31"/>
        <source>Draft text</source>
        <extracomment>the draft&apos;s text model changed (typing, formatting, undo); for the redline</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/widget.py" line="32"/>
        <source>The policy&apos;s draft. Save commits it to the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="111"/>
        <source>Record an event: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="112"/>
        <source>Record an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="133"/>
        <source>This change is &amp;editorial, not substantive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="136"/>
        <source>&amp;Why is it editorial? (printed on the redline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="145"/>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="152"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="152"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="153"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="153"/>
        <source>Use the earliest valid date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="154"/>
        <source>Editorial change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="155"/>
        <source>Why the change is editorial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="156"/>
        <source>Rule checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="157"/>
        <source>Dates on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="158"/>
        <source>Change class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="158"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="164"/>
        <source>E&amp;vent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="165"/>
        <source>Versi&amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="167"/>
        <source>&amp;Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="193"/>
        <source>First reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="194"/>
        <source>Second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="195"/>
        <source>Adoption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="196"/>
        <source>Posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="197"/>
        <source>Effective date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="198"/>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="199"/>
        <source>Withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="220"/>
        <source>New version %1 (the current draft)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="223"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="225"/>
        <source>(legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="304"/>
        <source>The change is editorial: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="305"/>
        <source>The change looks substantive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="316"/>
        <source>This policy has no version yet. Record a first reading first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="328"/>
        <source>Write why this change is editorial; the justification is recorded and printed on the redline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="336"/>
        <source>Nothing recorded yet: this begins a new version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="337"/>
        <source>first reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="338"/>
        <source>second reading %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="338"/>
        <source>adopted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="339"/>
        <source>posted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="339"/>
        <source>effective %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="340"/>
        <source>withdrawn %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="344"/>
        <source>legacy (exempt from the notice rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="346"/>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="347"/>
        <source>On record: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="353"/>
        <source>Use the earliest valid date: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/event_dialog.py" line="360"/>
        <source>Every rule passes for this date.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="31"/>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="32"/>
        <source>Find text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="34"/>
        <source>Replace with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="35"/>
        <source>Replacement text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="36"/>
        <source>Match ca&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="51"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="52"/>
        <source>Previo&amp;us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="53"/>
        <source>&amp;Replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="54"/>
        <source>Replace a&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="64"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="65"/>
        <source>Close find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="109"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../policyeditor/gui/editor/find_bar.py" line="150"/>
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
        <location filename="../../policyeditor/gui/first_run.py" line="20"/>
        <location filename="../../policyeditor/gui/first_run.py" line="21"/>
        <source>Welcome to policyeditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/first_run.py" line="23"/>
        <source>policyeditor keeps your district&apos;s policies in a library folder: every draft, every version, its readings, posting and effective dates.

How would you like to start?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/first_run.py" line="30"/>
        <source>&amp;Open a library folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/first_run.py" line="30"/>
        <source>A library someone already set up, for example on the file server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/first_run.py" line="32"/>
        <source>&amp;Create a new library...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/first_run.py" line="32"/>
        <source>An empty library for your district.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/first_run.py" line="33"/>
        <source>Open the &amp;demo library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/first_run.py" line="33"/>
        <source>Sample policies to try things out; nothing you do there matters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LibraryDialog</name>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="58"/>
        <location filename="../../policyeditor/gui/library_dialog.py" line="59"/>
        <source>District details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="81"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="97"/>
        <source>&amp;District:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="97"/>
        <source>District</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="98"/>
        <source>&amp;Committee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="98"/>
        <source>Committee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="99"/>
        <source>&amp;Salutation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="99"/>
        <source>Memo salutation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="100"/>
        <source>Si&amp;gner:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="100"/>
        <source>Memo signer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="101"/>
        <source>Signer&apos;s &amp;title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="101"/>
        <source>Signer&apos;s title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="102"/>
        <source>Time &amp;zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="102"/>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="103"/>
        <source>&amp;Notice period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="103"/>
        <source>Notice period for substantive changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="105"/>
        <source>&amp;Website:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="105"/>
        <source>Website of the notice site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="113"/>
        <source>Substantive changes must be posted at least this many days before they take effect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="134"/>
        <source>Write the district&apos;s name; it heads every memo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="136"/>
        <source>Write the committee&apos;s name (for example School Committee).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/library_dialog.py" line="139"/>
        <source>&apos;%1&apos; is not a time zone. Choose one from the list, for example America/New_York or Europe/London.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="63"/>
        <source>Choose a policy in the list to read and edit its draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="84"/>
        <source>Policy views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="85"/>
        <source>Dr&amp;aft and redline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="86"/>
        <source>Versions and &amp;timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="87"/>
        <source>&amp;Memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="98"/>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="109"/>
        <source>(none yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="112"/>
        <location filename="../../policyeditor/gui/mainwindow.py" line="114"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/mainwindow.py" line="124"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemoPanel</name>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="91"/>
        <source>Recommendation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="92"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="93"/>
        <source>Supporting data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="94"/>
        <source>F&amp;irst reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="95"/>
        <source>Seco&amp;nd reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="101"/>
        <source>Packet for the first reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="102"/>
        <source>Packet for the second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="103"/>
        <source>&amp;Save memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="104"/>
        <source>Save memo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="108"/>
        <source>Packet preview: memo page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="115"/>
        <source>&amp;Recommendation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="116"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="117"/>
        <source>S&amp;upporting data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="134"/>
        <source>Pac&amp;ket preview (memo page):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="121"/>
        <source>Reading:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/memo_panel.py" line="222"/>
        <source>Choose a policy with a version to see its memo.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessCommands</name>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="36"/>
        <source>Draft as presented</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="40"/>
        <source>Recorded for version {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="62"/>
        <source>Memo saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="74"/>
        <location filename="../../policyeditor/gui/process_commands.py" line="79"/>
        <source>New policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="74"/>
        <source>Title of the policy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="80"/>
        <source>Short name (lowercase letters, digits and &apos;-&apos;; used for files and tags):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="116"/>
        <location filename="../../policyeditor/gui/process_commands.py" line="142"/>
        <location filename="../../policyeditor/gui/process_commands.py" line="146"/>
        <source>Sync with shared library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="117"/>
        <source>Address of the shared library (https://..., ssh://... or a folder on the file server):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="145"/>
        <source>The sync did not happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="148"/>
        <source>Syncing with the shared library...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="162"/>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="172"/>
        <source>Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="172"/>
        <source>Web address (empty: no link):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="181"/>
        <source>About policyeditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/process_commands.py" line="182"/>
        <source>policyeditor {version}

Keeps a school district&apos;s policies: drafts, versions, readings, posting and effective dates, redlines and packets, in a git library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="35"/>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="36"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="38"/>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="40"/>
        <source>Your e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="42"/>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="85"/>
        <source>Library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="45"/>
        <source>Recent libraries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="56"/>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="57"/>
        <source>Choose the library folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="63"/>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="64"/>
        <source>Your &amp;e-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="65"/>
        <source>&amp;Library folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="66"/>
        <source>&amp;Recent libraries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="71"/>
        <source>Your name and e-mail are written into the library&apos;s history with every save, so everyone can see who changed what.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="94"/>
        <source>The e-mail address should look like name@district.org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/settings_dialog.py" line="96"/>
        <source>Give both your name and your e-mail, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="59"/>
        <source>Timeline of the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="93"/>
        <source>No policy selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="97"/>
        <location filename="../../policyeditor/gui/timeline_view.py" line="212"/>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="99"/>
        <source>, in force from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="101"/>
        <source> to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="103"/>
        <source>, takes effect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="148"/>
        <source>No versions yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="201"/>
        <location filename="../../policyeditor/gui/timeline_view.py" line="256"/>
        <source>in force from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="214"/>
        <source>(legacy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="222"/>
        <source>Years with no events are drawn shorter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="258"/>
        <source>in force (legacy: predates the tool)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="260"/>
        <location filename="../../policyeditor/gui/timeline_view.py" line="373"/>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="269"/>
        <source>until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="269"/>
        <source>to this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="270"/>
        <source>Version %1 in force from %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="272"/>
        <source>Version %1 will be in force from %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="285"/>
        <source>Posted %1; %2 days&apos; notice ends %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="291"/>
        <source>First reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="292"/>
        <source>Second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="293"/>
        <source>Adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="294"/>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="295"/>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="296"/>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="322"/>
        <source>Takes effect %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="322"/>
        <source>Effective %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="353"/>
        <source>Earliest date that passes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="361"/>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="367"/>
        <source>Today, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="374"/>
        <source>legacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="375"/>
        <source>notice period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="378"/>
        <source>rule fails (hover for why)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="383"/>
        <source>Version %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="385"/>
        <source>Legacy: predates the tool, exempt from the notice rules (2 and 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/timeline_view.py" line="387"/>
        <source>Marked editorial: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsModel</name>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="71"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="71"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="71"/>
        <source>First reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="72"/>
        <source>Second reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="72"/>
        <source>Adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="72"/>
        <source>Posted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="73"/>
        <source>Effective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="73"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="110"/>
        <source>editorial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="110"/>
        <source>substantive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="111"/>
        <source>legacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="118"/>
        <source>rule fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="124"/>
        <source>first reading held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="125"/>
        <source>second reading held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="126"/>
        <source>adopted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="127"/>
        <source>adopted, effective later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="128"/>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="129"/>
        <source>superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="130"/>
        <source>withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="137"/>
        <source>Legacy version: it predates the tool and is exempt from the notice rules (2 and 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="140"/>
        <source>Marked editorial because: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="142"/>
        <source>A legacy version takes effect on its adoption date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="144"/>
        <source>Posted text %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VersionsPanel</name>
    <message>
        <location filename="../../policyeditor/gui/versions_panel.py" line="170"/>
        <source>Versions of the policy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowCommands</name>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="50"/>
        <source>The library could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="55"/>
        <source>Opening {path}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="73"/>
        <source>Autosave failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="81"/>
        <source>Open a policy library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="93"/>
        <source>Choose an empty folder for the new library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="96"/>
        <source>New library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="96"/>
        <source>Name of the school district:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="129"/>
        <source>{n} policies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="185"/>
        <source>Restored the unsaved changes of {title}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="200"/>
        <source>Version {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="206"/>
        <source>Nothing yet (a new policy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="224"/>
        <location filename="../../policyeditor/gui/commands.py" line="235"/>
        <source>No changes to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="235"/>
        <source>Saved ({sha}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="241"/>
        <source>Saving...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="246"/>
        <source>Save with a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="246"/>
        <source>What changed, and why (for the history):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="257"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="258"/>
        <source>The draft of {title} has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="288"/>
        <source>Restore unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../policyeditor/gui/commands.py" line="289"/>
        <source>policyeditor was not closed properly last time. Unsaved changes to {titles} were kept. Restore them?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
