<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CategoriesDialog</name>
    <message numerus="yes">
        <source>%Ln states</source>
        <translation>
            <numerusform>%Ln state</numerusform>
            <numerusform>%Ln states</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message numerus="yes">
        <source>%1 of %Ln contacts</source>
        <translation>
            <numerusform>%1 of %Ln contact</numerusform>
            <numerusform>%1 of %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemarchesPage</name>
    <message numerus="yes">
        <source>%1 of %Ln démarches</source>
        <translation>
            <numerusform>%1 of %Ln démarche</numerusform>
            <numerusform>%1 of %Ln démarches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln démarches</source>
        <translation>
            <numerusform>%Ln démarche</numerusform>
            <numerusform>%Ln démarches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%Ln likely duplicates.</source>
        <translation>
            <numerusform>%Ln likely duplicate.</numerusform>
            <numerusform>%Ln likely duplicates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForumsPage</name>
    <message numerus="yes">
        <source>%Ln members</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entry</numerusform>
            <numerusform>%Ln entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message numerus="yes">
        <source>%1 of %Ln organizations</source>
        <translation>
            <numerusform>%1 of %Ln organization</numerusform>
            <numerusform>%1 of %Ln organizations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln organizations</source>
        <translation>
            <numerusform>%Ln organization</numerusform>
            <numerusform>%Ln organizations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
</context>
</TS>
