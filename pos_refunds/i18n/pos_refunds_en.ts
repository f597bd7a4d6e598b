<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BackupWords</name>
    <message numerus="yes">
        <location filename="../ui/backup_words.py" line="+28"/>
        <source>%n journal entries</source>
        <translation>
            <numerusform>%n journal entry</numerusform>
            <numerusform>%n journal entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n staff</source>
        <comment>people on the staff list</comment>
        <translation>
            <numerusform>%n staff</numerusform>
            <numerusform>%n staff</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>%n entries</source>
        <comment>in the audit journal</comment>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EndOfDayBulkFlow</name>
    <message numerus="yes">
        <location filename="../ui/flows/bulk.py" line="+84"/>
        <source>Capture %n authorizations ({amounts})? The customers are charged.</source>
        <translation>
            <numerusform>Capture %n authorization ({amounts})? The customer is charged.</numerusform>
            <numerusform>Capture %n authorizations ({amounts})? The customers are charged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Capture %n</source>
        <comment>a button: capture this many authorizations</comment>
        <translation>
            <numerusform>Capture %n</numerusform>
            <numerusform>Capture %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Cancel %n authorizations ({amounts})? The holds on the customers&apos; cards are released.</source>
        <translation>
            <numerusform>Cancel %n authorization ({amounts})? The hold on the customer&apos;s card is released.</numerusform>
            <numerusform>Cancel %n authorizations ({amounts})? The holds on the customers&apos; cards are released.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Cancel %n</source>
        <comment>a button: cancel this many authorizations</comment>
        <translation>
            <numerusform>Cancel %n</numerusform>
            <numerusform>Cancel %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EndOfDayDialog</name>
    <message numerus="yes">
        <location filename="../ui/dialogs/end_of_day.py" line="+183"/>
        <source>Journal verified: %n entries intact.</source>
        <translation>
            <numerusform>Journal verified: %n entry intact.</numerusform>
            <numerusform>Journal verified: %n entries intact.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EndOfDayReport</name>
    <message numerus="yes">
        <location filename="../ui/end_of_day_report.py" line="+219"/>
        <source>Journal verified: %n entries, none changed, removed or reordered. Newest entry&apos;s hash: &lt;span class=&quot;hash&quot;&gt;{hash}&lt;/span&gt;</source>
        <translation>
            <numerusform>Journal verified: %n entry, none changed, removed or reordered. Newest entry&apos;s hash: &lt;span class=&quot;hash&quot;&gt;{hash}&lt;/span&gt;</numerusform>
            <numerusform>Journal verified: %n entries, none changed, removed or reordered. Newest entry&apos;s hash: &lt;span class=&quot;hash&quot;&gt;{hash}&lt;/span&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message numerus="yes">
        <location filename="../ui/formatting.py" line="+131"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalDialog</name>
    <message numerus="yes">
        <location filename="../ui/dialogs/journal_dialog.py" line="+221"/>
        <source>{shown} of %n operations</source>
        <translation>
            <numerusform>{shown} of %n operations</numerusform>
            <numerusform>{shown} of %n operations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n operations</source>
        <translation>
            <numerusform>%n operation</numerusform>
            <numerusform>%n operations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JournalWords</name>
    <message numerus="yes">
        <location filename="../ui/viewmodels/journal_vm.py" line="+41"/>
        <source>Journal OK: %n entries checked, none changed, removed or reordered.</source>
        <translation>
            <numerusform>Journal OK: %n entry checked, not changed, removed or reordered.</numerusform>
            <numerusform>Journal OK: %n entries checked, none changed, removed or reordered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n entries were checked. Keep this file and tell the person responsible for the shop&apos;s records.</source>
        <translation>
            <numerusform>%n entry was checked. Keep this file and tell the person responsible for the shop&apos;s records.</numerusform>
            <numerusform>%n entries were checked. Keep this file and tell the person responsible for the shop&apos;s records.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>Stripe confirms the journal up to entry {entry} (%n newer operations with nothing at Stripe to compare).</source>
        <translation>
            <numerusform>Stripe confirms the journal up to entry {entry} (%n newer operation with nothing at Stripe to compare).</numerusform>
            <numerusform>Stripe confirms the journal up to entry {entry} (%n newer operations with nothing at Stripe to compare).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Stripe agrees with the %n newest operations; none carries a seal of the journal yet.</source>
        <translation>
            <numerusform>Stripe agrees with the newest operation (%n); it carries no seal of the journal yet.</numerusform>
            <numerusform>Stripe agrees with the %n newest operations; none carries a seal of the journal yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <location filename="../ui/messages.py" line="+532"/>
        <source>%n of {total} authorizations were not captured:</source>
        <translation>
            <numerusform>%n of {total} authorizations were not captured:</numerusform>
            <numerusform>%n of {total} authorizations were not captured:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n of {total} authorizations were not canceled:</source>
        <translation>
            <numerusform>%n of {total} authorizations were not canceled:</numerusform>
            <numerusform>%n of {total} authorizations were not canceled:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PaymentsView</name>
    <message numerus="yes">
        <location filename="../ui/views/payments_view.py" line="+162"/>
        <source>Loading… %n payments</source>
        <translation>
            <numerusform>Loading… %n payment</numerusform>
            <numerusform>Loading… %n payments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderPicker</name>
    <message numerus="yes">
        <location filename="../ui/dialogs/reader_picker.py" line="+122"/>
        <source>{usable} of %n readers available.</source>
        <translation>
            <numerusform>{usable} of %n readers available.</numerusform>
            <numerusform>{usable} of %n readers available.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message numerus="yes">
        <location filename="../self_test.py" line="+90"/>
        <source>%n entries, chain intact</source>
        <translation>
            <numerusform>%n entry, chain intact</numerusform>
            <numerusform>%n entries, chain intact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+48"/>
        <source>journal %n entries, chain intact</source>
        <translation>
            <numerusform>journal %n entry, chain intact</numerusform>
            <numerusform>journal %n entries, chain intact</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n staff</source>
        <comment>people on the staff list</comment>
        <translation>
            <numerusform>%n staff</numerusform>
            <numerusform>%n staff</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n installed, default {default}</source>
        <comment>printers</comment>
        <translation>
            <numerusform>%n installed, default {default}</numerusform>
            <numerusform>%n installed, default {default}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n installed</source>
        <comment>printers</comment>
        <translation>
            <numerusform>%n installed</numerusform>
            <numerusform>%n installed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+134"/>
        <source>self-test passed with %n warnings in {seconds} s</source>
        <translation>
            <numerusform>self-test passed with %n warning in {seconds} s</numerusform>
            <numerusform>self-test passed with %n warnings in {seconds} s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SignInWords</name>
    <message numerus="yes">
        <location filename="../ui/viewmodels/sign_in_vm.py" line="+48"/>
        <source>Wrong PIN. %n tries left before {name} is locked out for a while.</source>
        <translation>
            <numerusform>Wrong PIN. %n try left before {name} is locked out for a while.</numerusform>
            <numerusform>Wrong PIN. %n tries left before {name} is locked out for a while.</numerusform>
        </translation>
    </message>
</context>
</TS>
