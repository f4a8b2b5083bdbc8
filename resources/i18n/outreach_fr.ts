<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AgendaModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <source>Assign to category</source>
        <translation>Affecter à une catégorie</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Catégorie :</translation>
    </message>
    <message>
        <source>Why this state belongs in the category (required)</source>
        <translation>Pourquoi cet État fait partie de la catégorie (obligatoire)</translation>
    </message>
    <message>
        <source>&amp;Rationale:</source>
        <translation>&amp;Justification :</translation>
    </message>
    <message>
        <source>Already in this category; saving replaces the rationale.</source>
        <translation>Déjà dans cette catégorie; l&apos;enregistrement remplacera la justification.</translation>
    </message>
</context>
<context>
    <name>AttachmentOperations</name>
    <message>
        <source>Attach {0}</source>
        <translation>Joindre {0}</translation>
    </message>
    <message>
        <source>Remove {0}</source>
        <translation>Retirer {0}</translation>
    </message>
    <message>
        <source>Log e-mail {0}</source>
        <translation>Consigner le courriel {0}</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>E-mail</source>
        <extracomment>short names of the kinds people attach most</extracomment>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Outlook e-mail</source>
        <translation>Courriel Outlook</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>“{0}” is in the contact log, of {1}, with {2} files attached.</source>
        <translation>« {0} » est dans le journal des contacts, du {1}, avec {2} fichiers joints.</translation>
    </message>
    <message>
        <source>These addresses are no contact yet:</source>
        <translation>Ces adresses ne sont pas encore des contacts :</translation>
    </message>
    <message>
        <source>E-mail logged</source>
        <translation>Courriel consigné</translation>
    </message>
    <message>
        <source>&amp;Add them as contacts</source>
        <translation>&amp;Les ajouter aux contacts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Attached</source>
        <translation>Joint le</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>Drop files here, or attach them with Attach…</source>
        <translation>Déposez des fichiers ici, ou joignez-les avec Joindre…</translation>
    </message>
    <message>
        <source>&amp;Attach…</source>
        <translation>&amp;Joindre…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Sa&amp;ve as…</source>
        <translation>Enre&amp;gistrer sous…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Save the file as</source>
        <translation>Enregistrer le fichier sous</translation>
    </message>
</context>
<context>
    <name>AttendeeDialog</name>
    <message>
        <source>Announce an attending state</source>
        <translation>Annoncer un État participant</translation>
    </message>
    <message>
        <source>Announce</source>
        <translation>Annoncer</translation>
    </message>
    <message>
        <source>A state expected at {0} though not a member (an observer):</source>
        <translation>Un État attendu à {0} sans en être membre (un observateur) :</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>Choose the state that will attend.</source>
        <translation>Choisissez l&apos;État qui participera.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>when the app started</source>
        <extracomment>what a backup&apos;s reason means to the officer</extracomment>
        <translation>au démarrage de l&apos;application</translation>
    </message>
    <message>
        <source>before an update of the file</source>
        <translation>avant une mise à jour du fichier</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>avant une importation</translation>
    </message>
    <message>
        <source>before a merge of contacts</source>
        <translation>avant une fusion de contacts</translation>
    </message>
    <message>
        <source>on request</source>
        <translation>sur demande</translation>
    </message>
    <message>
        <source>when the file was encrypted</source>
        <translation>lors du chiffrement du fichier</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Sauvegardes</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Backups kept in {0}</source>
        <translation>Sauvegardes conservées dans {0}</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Restaurer…</translation>
    </message>
    <message>
        <source>This database is on the desk&apos;s server: its backups are made and restored on the server by its administrator.</source>
        <translation>Cette base de données se trouve sur le serveur de la direction : ses sauvegardes sont faites et restaurées sur le serveur par son administrateur.</translation>
    </message>
    <message>
        <source>There is no backup of {0} yet. One is made each day the app starts, and before every import and merge, in {1}.</source>
        <translation>Il n&apos;existe encore aucune sauvegarde de {0}. Une sauvegarde est faite dans {1} chaque jour au démarrage de l&apos;application, ainsi qu&apos;avant chaque importation et chaque fusion.</translation>
    </message>
    <message>
        <source>Replace {0} with the backup taken {1} ({2})?

What was saved since then will not be in it. The current file is kept beside it, renamed {3}.</source>
        <translation>Remplacer {0} par la sauvegarde du {1} ({2})?

Ce qui a été enregistré depuis n&apos;y figurera pas. Le fichier actuel est conservé à côté, sous le nom {3}.</translation>
    </message>
    <message>
        <source>{0}

Restore the latest good backup, taken {1} ({2})? What was saved since then will not be in it. The damaged file is kept beside it, renamed {3}.</source>
        <translation>{0}

Restaurer la dernière sauvegarde intacte, celle du {1} ({2})? Ce qui a été enregistré depuis n&apos;y figurera pas. Le fichier endommagé est conservé à côté, sous le nom {3}.</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>La base de données est endommagée</translation>
    </message>
    <message>
        <source>No backup was made: {0}</source>
        <translation>Aucune sauvegarde n&apos;a été faite : {0}</translation>
    </message>
</context>
<context>
    <name>BoardColumn</name>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Hide the cancelled démarches</source>
        <translation>Masquer les démarches annulées</translation>
    </message>
    <message>
        <source>Show the cancelled démarches</source>
        <translation>Afficher les démarches annulées</translation>
    </message>
</context>
<context>
    <name>CalendarExport</name>
    <message>
        <source>Export the calendar</source>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>Fichiers iCalendar (*.ics)</translation>
    </message>
    <message>
        <source>Calendar exported</source>
        <translation>Calendrier exporté</translation>
    </message>
    <message>
        <source>Wrote {0} events to {1}: {2} meetings, {3} interventions, {4} démarche due dates and {5} follow-ups. Import the file into any calendar program.</source>
        <translation>{0} événements écrits dans {1} : {2} réunions, {3} interventions, {4} échéances de démarches et {5} suivis. Importez le fichier dans n&apos;importe quel logiciel de calendrier.</translation>
    </message>
    <message>
        <source>Left out, as no calendar could hold them:</source>
        <translation>Éléments omis, car aucun calendrier ne pourrait les contenir :</translation>
    </message>
    <message>
        <source>… and {0} more.</source>
        <translation>… et {0} autres.</translation>
    </message>
</context>
<context>
    <name>CalendarModels</name>
    <message>
        <source>{0} ({1})</source>
        <extracomment>the colour of each kind of item (a chip&apos;s background in the month, a mark in the agenda)</extracomment>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>CalendarPage</name>
    <message>
        <source>The month before (Ctrl+Page Up)</source>
        <extracomment>(kind, id): &quot;meeting&quot;, &quot;intervention&quot;, &quot;demarche&quot; or &quot;follow_up&quot; (a log entry&apos;s id)</extracomment>
        <translation>Le mois précédent (Ctrl+Page Up)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>The month after (Ctrl+Page Down)</source>
        <translation>Le mois suivant (Ctrl+Page Down)</translation>
    </message>
    <message>
        <source>Only what concerns this state (type to find it)</source>
        <translation>Seulement ce qui concerne cet État (tapez son nom pour le trouver)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les États</translation>
    </message>
    <message>
        <source>Only what concerns a state of this category</source>
        <translation>Seulement ce qui concerne un État de cette catégorie</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Write this month, as filtered, to an .ics file for any calendar program</source>
        <translation>Écrire ce mois, tel que filtré, dans un fichier .ics lisible par tout logiciel de calendrier</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mois</translation>
    </message>
    <message>
        <source>Agenda {0}</source>
        <translation>Agenda {0}</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Afficher :</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <source>{0} items this month</source>
        <translation>{0} éléments ce mois-ci</translation>
    </message>
</context>
<context>
    <name>CategoriesDialog</name>
    <message>
        <source>Priority categories</source>
        <extracomment>colours offered to new categories in turn (Material 800s: readable under white text) the rule a new smart category starts with</extracomment>
        <translation>Catégories prioritaires</translation>
    </message>
    <message>
        <source>Priority categories (treaty status towards the {0})</source>
        <translation>Catégories prioritaires (statut à l&apos;égard de la {0})</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>New &amp;manual…</source>
        <translation>Nouvelle &amp;manuelle…</translation>
    </message>
    <message>
        <source>New &amp;smart…</source>
        <translation>Nouvelle &amp;automatique…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Choose the category&apos;s colour</source>
        <translation>Choisir la couleur de la catégorie</translation>
    </message>
    <message>
        <source>Save &amp;name and description</source>
        <translation>Enregistrer le &amp;nom et la description</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>C&amp;olour:</source>
        <translation>C&amp;ouleur :</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription :</translation>
    </message>
    <message>
        <source>&amp;Remove from category</source>
        <translation>&amp;Retirer de la catégorie</translation>
    </message>
    <message>
        <source>Members and why</source>
        <translation>Membres et justification</translation>
    </message>
    <message>
        <source>Save &amp;rule</source>
        <translation>Enregistrer la &amp;règle</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Select a category, or create one.</source>
        <translation>Sélectionnez une catégorie ou créez-en une.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln states</source>
        <translation>
            <numerusform>%Ln État</numerusform>
            <numerusform>%Ln États</numerusform>
        </translation>
    </message>
    <message>
        <source>The saved rule cannot be shown in this form; it selects {0} today. Building a rule here replaces it.</source>
        <translation>La règle enregistrée ne peut pas être affichée dans ce formulaire; elle sélectionne {0} aujourd&apos;hui. Créer une règle ici la remplace.</translation>
    </message>
    <message>
        <source>The rule selects {0} today:</source>
        <translation>La règle sélectionne {0} aujourd&apos;hui :</translation>
    </message>
    <message>
        <source>The rule as edited (unsaved) selects {0} today:</source>
        <translation>La règle modifiée (non enregistrée) sélectionne {0} aujourd&apos;hui :</translation>
    </message>
    <message>
        <source>New smart category</source>
        <translation>Nouvelle catégorie automatique</translation>
    </message>
    <message>
        <source>New manual category</source>
        <translation>Nouvelle catégorie manuelle</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <source>Colour of {0}</source>
        <translation>Couleur de la catégorie {0}</translation>
    </message>
</context>
<context>
    <name>CategoriesTableModel</name>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
</context>
<context>
    <name>CategoryOperations</name>
    <message>
        <source>Create category {0}</source>
        <translation>Créer la catégorie {0}</translation>
    </message>
    <message>
        <source>Edit category {0}</source>
        <translation>Modifier la catégorie {0}</translation>
    </message>
    <message>
        <source>Recolour category {0}</source>
        <translation>Changer la couleur de la catégorie {0}</translation>
    </message>
    <message>
        <source>Change the rule of {0}</source>
        <translation>Modifier la règle de la catégorie {0}</translation>
    </message>
    <message>
        <source>Delete category {0}</source>
        <translation>Supprimer la catégorie {0}</translation>
    </message>
    <message>
        <source>Assign {0} to {1}</source>
        <translation>Affecter {0} à la catégorie {1}</translation>
    </message>
    <message>
        <source>Remove {0} from {1}</source>
        <translation>Retirer {0} de la catégorie {1}</translation>
    </message>
</context>
<context>
    <name>CompleteBilateralDialog</name>
    <message>
        <source>Bilateral done</source>
        <translation>Bilatérale tenue</translation>
    </message>
    <message>
        <source>Bilateral:</source>
        <translation>Bilatérale :</translation>
    </message>
    <message>
        <source>What came of it (required)</source>
        <translation>Ce qui en est ressorti (obligatoire)</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Résultat :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>Log &amp;summary:</source>
        <translation>Résumé pour le &amp;journal :</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Faire un suivi le</translation>
    </message>
    <message>
        <source>+1 month</source>
        <translation>+1 mois</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Suivi :</translation>
    </message>
    <message>
        <source>&amp;Contacts met:</source>
        <translation>&amp;Contacts rencontrés :</translation>
    </message>
    <message>
        <source>Mark the démarche “{0}” delivered</source>
        <translation>Marquer la démarche «&#xa0;{0}&#xa0;» comme remise</translation>
    </message>
    <message>
        <source>Done and log</source>
        <translation>Terminer et consigner</translation>
    </message>
    <message>
        <source>(no contacts for these states)</source>
        <translation>(aucun contact pour ces États)</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>not</source>
        <translation>non</translation>
    </message>
    <message>
        <source>The opposite of this condition</source>
        <translation>L&apos;inverse de cette condition</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Fact</source>
        <translation>Fait</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Subregion</source>
        <translation>Sous-région</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>Siège</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Forum</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>Retirer cette condition</translation>
    </message>
</context>
<context>
    <name>Conflicts</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Modifié par quelqu&apos;un d&apos;autre</translation>
    </message>
    <message>
        <source>What you typed is kept. Apply your changes to their version, or overwrite their version with what you see?</source>
        <translation>Ce que vous avez saisi est conservé. Appliquer vos modifications à leur version, ou remplacer leur version par ce que vous voyez?</translation>
    </message>
    <message>
        <source>&amp;Apply my changes to theirs</source>
        <translation>&amp;Appliquer mes modifications à leur version</translation>
    </message>
    <message>
        <source>&amp;Overwrite theirs</source>
        <translation>&amp;Remplacer leur version</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer à modifier</translation>
    </message>
</context>
<context>
    <name>ContactDetail</name>
    <message>
        <source>Position:</source>
        <translation>Fonction :</translation>
    </message>
    <message>
        <source>Organization:</source>
        <translation>Organisation :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Langues :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <source>Select a contact to see their details.</source>
        <translation>Sélectionnez un contact pour en afficher les détails.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>Entrées du journal</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <source>Log entries (the latest {0})</source>
        <translation>Entrées du journal (les {0} plus récentes)</translation>
    </message>
    <message>
        <source>Log entries ({0})</source>
        <translation>Entrées du journal ({0})</translation>
    </message>
    <message>
        <source>Démarches ({0})</source>
        <translation>Démarches ({0})</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Modifier le contact</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Nouveau contact</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Prénom :</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation>&amp;Fonction :</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <source>&amp;Organization:</source>
        <translation>&amp;Organisation :</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Courriel :</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nom@example.org</translation>
    </message>
    <message>
        <source>P&amp;hone:</source>
        <translation>Télép&amp;hone :</translation>
    </message>
    <message>
        <source>+855 23 223 456, or national with a state</source>
        <translation>+855 23 223 456, ou numéro national si un État est choisi</translation>
    </message>
    <message>
        <source>&amp;Languages:</source>
        <translation>&amp;Langues :</translation>
    </message>
    <message>
        <source>ISO 639-1 codes: en, fr, km</source>
        <translation>Codes ISO 639-1 : en, fr, km</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>Note&amp;s :</translation>
    </message>
    <message>
        <source>Will be stored as {0}</source>
        <translation>Sera enregistré sous la forme {0}</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not an organization in the list; pick one from it.</source>
        <translation>« {0} » ne figure pas dans la liste des organisations; choisissez-en une dans la liste.</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a state in the list; pick one.</source>
        <translation>« {0} » ne figure pas dans la liste des États; choisissez-en un.</translation>
    </message>
</context>
<context>
    <name>ContactField</name>
    <message>
        <source>Family name</source>
        <translation>Nom de famille</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ContactOperations</name>
    <message>
        <source>Add contact {0}</source>
        <translation>Ajouter le contact {0}</translation>
    </message>
    <message>
        <source>Edit contact {0}</source>
        <translation>Modifier le contact {0}</translation>
    </message>
    <message>
        <source>Delete contact {0}</source>
        <translation>Supprimer le contact {0}</translation>
    </message>
</context>
<context>
    <name>ContactsImportDialog</name>
    <message>
        <source>Import contacts from CSV</source>
        <translation>Importer des contacts depuis un fichier CSV</translation>
    </message>
    <message>
        <source>A CSV file with a header row</source>
        <translation>Un fichier CSV avec une ligne d&apos;en-tête</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <source>Which column holds what</source>
        <translation>Contenu de chaque colonne</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Columns named family_name, given_name, position, organization, state, email, phone, languages and notes are found by themselves; others can be chosen.</source>
        <translation>Les colonnes nommées family_name, given_name, position, organization, state, email, phone, languages et notes sont reconnues automatiquement; les autres peuvent être choisies.</translation>
    </message>
    <message>
        <source>Contacts file</source>
        <translation>Fichier de contacts</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>Fichiers CSV (*.csv *.txt)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>{0} rows read. Check the columns, then Import.</source>
        <translation>{0} lignes lues. Vérifiez les colonnes, puis cliquez sur Importer.</translation>
    </message>
    <message>
        <source>Choose the column that holds: {0}.</source>
        <translation>Choisissez la colonne qui contient : {0}.</translation>
    </message>
    <message>
        <source>Importing the contacts of {0}…</source>
        <translation>Importation des contacts de {0}…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was imported.</source>
        <translation>Importation annulée; rien n&apos;a été importé.</translation>
    </message>
    <message>
        <source>{0} contacts imported.</source>
        <translation>{0} contacts importés.</translation>
    </message>
    <message>
        <source>New organizations: {0}.</source>
        <translation>Nouvelles organisations : {0}.</translation>
    </message>
    <message>
        <source>{0} rows refused; they are in {1} with the reason, to fix and import again.</source>
        <translation>{0} lignes refusées; elles se trouvent dans {1} avec le motif du refus, pour être corrigées et importées de nouveau.</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <extracomment>up to this many contacts load on the GUI thread; more load on a worker emitted when the rows of a reload are in the table</extracomment>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Filter by name, organization or state…</source>
        <translation>Filtrer par nom, organisation ou État…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln contacts</source>
        <translation>
            <numerusform>%1 sur %Ln contact</numerusform>
            <numerusform>%1 sur %Ln contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln contacts</source>
        <translation>
            <numerusform>%Ln contact</numerusform>
            <numerusform>%Ln contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>Loading {0} contacts…</source>
        <translation>Chargement de {0} contacts…</translation>
    </message>
</context>
<context>
    <name>ContactsTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>See the campaign as it stood on another day</source>
        <extracomment>(kind, id) of an item due this week, as the calendar names it the treaty the curve and the headline count (the window&apos;s choice, View ▸ Treaty)</extracomment>
        <translation>Voir la campagne telle qu&apos;elle était à une autre date</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>States Parties in force</source>
        <translation>États parties en vigueur</translation>
    </message>
    <message>
        <source>States Parties by deposit (Landmine Monitor, ICBL)</source>
        <translation>États parties par dépôt (Landmine Monitor, ICBL)</translation>
    </message>
    <message>
        <source>The treaty binds a state from entry into force; Landmine Monitor and the ICBL count it from the deposit of its instrument</source>
        <translation>La Convention lie un État dès son entrée en vigueur ; Landmine Monitor et l&apos;ICBL le comptent dès le dépôt de son instrument</translation>
    </message>
    <message>
        <source>&amp;Mine</source>
        <translation>&amp;Les miens</translation>
    </message>
    <message>
        <source>My follow-ups and my démarches only (my name: Edit ▸ Preferences…)</source>
        <translation>Seulement mes suivis et mes démarches (mon nom : Édition ▸ Préférences…)</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;Aujourd&apos;hui</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>Parties then</source>
        <translation>Parties alors</translation>
    </message>
    <message>
        <source>Parties now</source>
        <translation>Parties maintenant</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>Variation</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Démarche</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>States Parties</source>
        <translation>États parties</translation>
    </message>
    <message>
        <source>Curve:</source>
        <translation>Courbe :</translation>
    </message>
    <message>
        <source>Curve or map</source>
        <translation>Courbe ou carte</translation>
    </message>
    <message>
        <source>Cur&amp;ve</source>
        <translation>Cour&amp;be</translation>
    </message>
    <message>
        <source>Wor&amp;ld map</source>
        <translation>Carte du mon&amp;de</translation>
    </message>
    <message>
        <source>Priority categories</source>
        <translation>Catégories prioritaires</translation>
    </message>
    <message>
        <source>Movement since:</source>
        <translation>Évolution depuis le :</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Suivis en retard</translation>
    </message>
    <message>
        <source>Overdue and due this week</source>
        <translation>En retard et à échéance cette semaine</translation>
    </message>
    <message>
        <source>Upcoming démarches</source>
        <translation>Démarches à venir</translation>
    </message>
    <message>
        <source>Upcoming meetings</source>
        <translation>Réunions à venir</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>En date du :</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; States Parties to the {1} today, &lt;b&gt;{6}&lt;/b&gt; pending entry into force ({7} by deposit) · target {2}, counted {8} · &lt;b&gt;{3}&lt;/b&gt; overdue follow-ups · due this week: &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; États parties à la {1} aujourd&apos;hui, &lt;b&gt;{6}&lt;/b&gt; en attente d&apos;entrée en vigueur ({7} par dépôt) · cible {2}, comptée {8} · &lt;b&gt;{3}&lt;/b&gt; suivis en retard · à échéance cette semaine : &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; States Parties to the {1} on {5}, &lt;b&gt;{6}&lt;/b&gt; pending entry into force ({7} by deposit) · target {2}, counted {8} · &lt;b&gt;{3}&lt;/b&gt; follow-ups overdue then · due the week after: &lt;b&gt;{4}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; États parties à la {1} le {5}, &lt;b&gt;{6}&lt;/b&gt; en attente d&apos;entrée en vigueur ({7} par dépôt) · cible {2}, comptée {8} · &lt;b&gt;{3}&lt;/b&gt; suivis alors en retard · à échéance la semaine suivante : &lt;b&gt;{4}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Overdue follow-ups ({0})</source>
        <translation>Suivis en retard ({0})</translation>
    </message>
</context>
<context>
    <name>Databases</name>
    <message>
        <source>Open a database</source>
        <translation>Ouvrir une base de données</translation>
    </message>
    <message>
        <source>/path/to/campaign.db or postgresql://ROLE@HOST/DBNAME</source>
        <translation>/chemin/vers/campagne.db ou postgresql://RÔLE@HÔTE/NOM_BD</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Parcourir…</translation>
    </message>
    <message>
        <source>A file on this computer, or the desk&apos;s shared server. A server&apos;s password is read from ~/.pgpass or PGPASSWORD, never kept by Outreach.</source>
        <translation>Un fichier sur cet ordinateur, ou le serveur partagé de la direction. Le mot de passe d&apos;un serveur est lu dans ~/.pgpass ou PGPASSWORD; Outreach ne le conserve jamais.</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Base de données :</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>Open a database file</source>
        <translation>Ouvrir un fichier de base de données</translation>
    </message>
    <message>
        <source>Outreach databases (*.db);;All files (*)</source>
        <translation>Bases de données Outreach (*.db);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New database file</source>
        <translation>Nouveau fichier de base de données</translation>
    </message>
    <message>
        <source>Outreach databases (*.db)</source>
        <translation>Bases de données Outreach (*.db)</translation>
    </message>
    <message>
        <source>{0} already exists; open it with File ▸ Open database….</source>
        <translation>{0} existe déjà; ouvrez-le avec Fichier ▸ Ouvrir une base de données….</translation>
    </message>
</context>
<context>
    <name>DemarcheBoard</name>
    <message>
        <source>No due date</source>
        <extracomment>asks why a card moves back, is cancelled or reopened; None: `ask_for_reason`</extracomment>
        <translation>Sans échéance</translation>
    </message>
    <message>
        <source>Due {0}</source>
        <translation>Échéance : {0}</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation>&amp;Déplacer vers</translation>
    </message>
</context>
<context>
    <name>DemarcheBox</name>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>{0} ({1}, {2})</source>
        <translation>{0} ({1}, {2})</translation>
    </message>
</context>
<context>
    <name>DemarcheDetail</name>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Motif :</translation>
    </message>
    <message>
        <source>Requested action:</source>
        <translation>Action demandée :</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>Niveau :</translation>
    </message>
    <message>
        <source>Officer:</source>
        <translation>Agent :</translation>
    </message>
    <message>
        <source>Planned:</source>
        <translation>Prévue le :</translation>
    </message>
    <message>
        <source>Due:</source>
        <translation>Échéance :</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Remise le :</translation>
    </message>
    <message>
        <source>Closed:</source>
        <translation>Close le :</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>Contacts :</translation>
    </message>
    <message>
        <source>Talking points:</source>
        <translation>Points de discussion :</translation>
    </message>
    <message>
        <source>Response:</source>
        <translation>Réponse :</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>Journal :</translation>
    </message>
    <message>
        <source>Select a démarche to see its details.</source>
        <translation>Sélectionnez une démarche pour en voir les détails.</translation>
    </message>
    <message>
        <source>&amp;Move to</source>
        <translation>&amp;Déplacer vers</translation>
    </message>
    <message>
        <source>Dra&amp;ft note verbale…</source>
        <translation>Projet de note &amp;verbale…</translation>
    </message>
    <message>
        <source>A Word draft from the démarche, attached to it and opened</source>
        <translation>Un projet Word tiré de la démarche, joint à celle-ci et ouvert</translation>
    </message>
    <message>
        <source>Draft &amp;aide-mémoire…</source>
        <translation>Projet d&apos;&amp;aide-mémoire…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
</context>
<context>
    <name>DemarcheDialog</name>
    <message>
        <source>Edit démarche</source>
        <translation>Modifier la démarche</translation>
    </message>
    <message>
        <source>Plan a démarche</source>
        <translation>Planifier une démarche</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>T&amp;itre :</translation>
    </message>
    <message>
        <source>What we ask, in one line</source>
        <translation>Ce que nous demandons, en une ligne</translation>
    </message>
    <message>
        <source>Requested &amp;action:</source>
        <translation>Action &amp;demandée :</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Canal :</translation>
    </message>
    <message>
        <source>&amp;Level:</source>
        <translation>&amp;Niveau :</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>T&amp;reaty:</source>
        <translation>T&amp;raité :</translation>
    </message>
    <message>
        <source>Talking points (optional)</source>
        <translation>Points de discussion (facultatif)</translation>
    </message>
    <message>
        <source>Talking &amp;points:</source>
        <translation>&amp;Points de discussion :</translation>
    </message>
    <message>
        <source>Responsible &amp;officer:</source>
        <translation>A&amp;gent responsable :</translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation>Prévue le</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Dates :</translation>
    </message>
    <message>
        <source>Tick the contacts involved (Space)</source>
        <translation>Cochez les contacts concernés (Espace)</translation>
    </message>
    <message>
        <source>&amp;Contacts involved:</source>
        <translation>C&amp;ontacts concernés :</translation>
    </message>
    <message>
        <source>The government&apos;s response</source>
        <translation>La réponse du gouvernement</translation>
    </message>
    <message>
        <source>Res&amp;ponse:</source>
        <translation>Répon&amp;se :</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>Save the démarche (Ctrl+Enter)</source>
        <translation>Enregistrer la démarche (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>(no contacts for this state)</source>
        <translation>(aucun contact pour cet État)</translation>
    </message>
    <message>
        <source>No state is called &apos;{0}&apos;; pick one from the list.</source>
        <translation>Aucun État ne s&apos;appelle «&#xa0;{0}&#xa0;»; choisissez-en un dans la liste.</translation>
    </message>
    <message>
        <source>Choose the state the démarche is made to.</source>
        <translation>Choisissez l&apos;État auprès duquel la démarche est faite.</translation>
    </message>
</context>
<context>
    <name>DemarcheForDialog</name>
    <message>
        <source>Démarche for “{0}”</source>
        <translation>Démarche pour «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>T&amp;itre :</translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation>Éc&amp;héance :</translation>
    </message>
    <message>
        <source>Create and link</source>
        <translation>Créer et lier</translation>
    </message>
</context>
<context>
    <name>DemarcheMoves</name>
    <message>
        <source>Why is “{0}” cancelled?</source>
        <extracomment>the statuses Ctrl+Left / Ctrl+Right step through; cancelling is a menu choice asks the user why (parent, démarche, target status); None when they cancel</extracomment>
        <translation>Pourquoi annuler « {0} »?</translation>
    </message>
    <message>
        <source>Why is “{0}” reopened?</source>
        <translation>Pourquoi rouvrir « {0} »?</translation>
    </message>
    <message>
        <source>Why does “{0}” move back?</source>
        <translation>Pourquoi ramener « {0} » à une étape antérieure?</translation>
    </message>
    <message>
        <source>Move démarche to {0}</source>
        <translation>Faire passer la démarche au statut « {0} »</translation>
    </message>
    <message>
        <source>A reason is needed.</source>
        <translation>Une raison est requise.</translation>
    </message>
</context>
<context>
    <name>DemarcheOperations</name>
    <message>
        <source>Plan démarche: {0}</source>
        <extracomment>the reason recorded when a move is undone (moving back needs one)</extracomment>
        <translation>Planification de la démarche : {0}</translation>
    </message>
    <message>
        <source>Edit démarche: {0}</source>
        <translation>Modification de la démarche : {0}</translation>
    </message>
    <message>
        <source>Delete démarche: {0}</source>
        <translation>Suppression de la démarche : {0}</translation>
    </message>
    <message>
        <source>Move démarche to {0}</source>
        <translation>Déplacement de la démarche vers «&#xa0;{0}&#xa0;»</translation>
    </message>
    <message>
        <source>Draft for démarche: {0}</source>
        <translation>Projet pour la démarche : {0}</translation>
    </message>
</context>
<context>
    <name>DemarchesPage</name>
    <message>
        <source>&amp;Plan…</source>
        <extracomment>emitted after a reload has put the rows in the list and on the board</extracomment>
        <translation>&amp;Planifier…</translation>
    </message>
    <message>
        <source>Plan a démarche (Ctrl+N)</source>
        <translation>Planifier une démarche (Ctrl+N)</translation>
    </message>
    <message>
        <source>Only the démarches to this state (type to find it)</source>
        <translation>Seulement les démarches auprès de cet État (tapez son nom pour le trouver)</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les États</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>&amp;Open only</source>
        <translation>&amp;Ouvertes seulement</translation>
    </message>
    <message>
        <source>Hide closed and cancelled démarches</source>
        <translation>Masquer les démarches closes et annulées</translation>
    </message>
    <message>
        <source>M&amp;ine</source>
        <translation>Les m&amp;iennes</translation>
    </message>
    <message>
        <source>Only the démarches I am responsible for (my name: Edit ▸ Preferences…)</source>
        <translation>Seulement les démarches dont je suis responsable (mon nom : Édition ▸ Préférences…)</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>&amp;Tableau</translation>
    </message>
    <message>
        <source>The démarches as a sortable list</source>
        <translation>Les démarches sous forme de liste triable</translation>
    </message>
    <message>
        <source>One column per status: drag a card, or press Ctrl+Right / Ctrl+Left</source>
        <translation>Une colonne par statut : faites glisser une carte, ou appuyez sur Ctrl+Right / Ctrl+Left</translation>
    </message>
    <message>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <source>Filter by title, state, officer…</source>
        <translation>Filtrer par titre, État, agent…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln démarches</source>
        <translation>
            <numerusform>%1 sur %Ln démarche</numerusform>
            <numerusform>%1 sur %Ln démarches</numerusform>
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
    <name>DemarchesTableModel</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Requested action</source>
        <translation>Action demandée</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévue</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>&amp;Treaty</source>
        <extracomment>the pages whose items open records on other pages the database to open when this window closes for it (File ▸ Open…) the backup to put in place of the file once this window has closed (`finish`) the encryption or decryption to carry out once this window has closed the day&apos;s first backup, made on a worker thread as the window opens the passphrase the next database opens with (this file, encrypted, again)</extracomment>
        <translation>&amp;Traité</translation>
    </message>
    <message>
        <source>(read-only)</source>
        <translation>(lecture seule)</translation>
    </message>
    <message>
        <source>Outreach cannot open the database</source>
        <translation>Outreach ne peut pas ouvrir la base de données</translation>
    </message>
</context>
<context>
    <name>Drafting</name>
    <message>
        <source>Note verbale</source>
        <translation>Note verbale</translation>
    </message>
    <message>
        <source>Aide-mémoire</source>
        <translation>Aide-mémoire</translation>
    </message>
    <message>
        <source>Save the draft as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>DueThisWeek</name>
    <message>
        <source>Overdue: {0} follow-ups, {1} démarches, {2} interventions · due by {3}: {4} follow-ups, {5} démarches, {6} interventions</source>
        <translation>En retard : {0} suivis, {1} démarches, {2} interventions · échéance d&apos;ici le {3} : {4} suivis, {5} démarches, {6} interventions</translation>
    </message>
    <message>
        <source>Due this week</source>
        <translation>Échéances de la semaine</translation>
    </message>
    <message>
        <source>Due by {0} ({1})</source>
        <translation>Échéances d&apos;ici le {0} ({1})</translation>
    </message>
    <message>
        <source>&lt;b&gt;Overdue:&lt;/b&gt; {0} follow-ups, {1} démarches, {2} interventions</source>
        <translation>&lt;b&gt;En retard :&lt;/b&gt; {0} suivis, {1} démarches, {2} interventions</translation>
    </message>
    <message>
        <source>(the {0} most overdue are listed below; the Démarches page lists all)</source>
        <translation>(les {0} plus en retard sont listées ci-dessous ; la page Démarches les liste toutes)</translation>
    </message>
</context>
<context>
    <name>DuplicateOperations</name>
    <message>
        <source>Merge {0} into {1}</source>
        <translation>la fusion de «&#xa0;{0}&#xa0;» dans «&#xa0;{1}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>DuplicatePairsModel</name>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Looks like</source>
        <translation>Ressemble à</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate contacts</source>
        <translation>Contacts en double</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>Alike at least:</source>
        <translation>Ressemblance d&apos;au moins :</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Doublons possibles</translation>
    </message>
    <message>
        <source>Keep &amp;left, merge right into it</source>
        <translation>Garder celui de &amp;gauche, y fusionner celui de droite</translation>
    </message>
    <message>
        <source>Keep &amp;right, merge left into it</source>
        <translation>Garder celui de &amp;droite, y fusionner celui de gauche</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>&amp;Pas la même personne</translation>
    </message>
    <message numerus="yes">
        <source>%Ln likely duplicates.</source>
        <translation>
            <numerusform>%Ln doublon probable.</numerusform>
            <numerusform>%Ln doublons probables.</numerusform>
        </translation>
    </message>
    <message>
        <source>No likely duplicates at {0} % or more; a lower threshold shows pairs less alike.</source>
        <translation>Aucun doublon probable à {0} % ou plus; un seuil plus bas montre des paires moins semblables.</translation>
    </message>
    <message>
        <source>Merged {0} into {1}; Undo puts them back apart.</source>
        <translation>{0} fusionné dans {1}; « Annuler » les sépare de nouveau.</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>The database is encrypted</source>
        <extracomment>the main window&apos;s property that says its database is encrypted</extracomment>
        <translation>La base de données est chiffrée</translation>
    </message>
    <message>
        <source>This database is encrypted, but the file you are about to write will not be: anyone who can read it can read what it holds. Write it anyway?</source>
        <translation>Cette base de données est chiffrée, mais le fichier que vous allez écrire ne le sera pas : quiconque peut le lire aura accès à son contenu. L&apos;écrire quand même?</translation>
    </message>
    <message>
        <source>This database is on the desk&apos;s server: Outreach encrypts database files only. The server&apos;s own encryption and TLS are its administrator&apos;s business.</source>
        <translation>Cette base de données se trouve sur le serveur de la direction : Outreach ne chiffre que les fichiers de base de données. Le chiffrement propre au serveur et TLS relèvent de son administrateur.</translation>
    </message>
    <message>
        <source>This file is opened read-only: it cannot be converted.</source>
        <translation>Ce fichier est ouvert en lecture seule : il ne peut pas être converti.</translation>
    </message>
    <message>
        <source>Encrypt this database</source>
        <translation>Chiffrer cette base de données</translation>
    </message>
    <message>
        <source>It is encrypted already.</source>
        <translation>Elle est déjà chiffrée.</translation>
    </message>
    <message>
        <source>{0} plain-text copies of this file exist (backups, files kept by a restore). Delete them once an encrypted backup replaces them?</source>
        <translation>Copies non chiffrées de ce fichier : {0} (sauvegardes, fichiers conservés lors d&apos;une restauration). Les supprimer dès qu&apos;une sauvegarde chiffrée les remplacera?</translation>
    </message>
    <message>
        <source>Decrypt this database</source>
        <translation>Déchiffrer cette base de données</translation>
    </message>
    <message>
        <source>It is not encrypted.</source>
        <translation>Elle n&apos;est pas chiffrée.</translation>
    </message>
    <message>
        <source>Store {0} unencrypted? Anyone who can read the file can then read its content. Its encrypted backups stay encrypted.</source>
        <translation>Enregistrer {0} sans chiffrement? Quiconque peut lire le fichier pourra alors lire son contenu. Ses sauvegardes chiffrées restent chiffrées.</translation>
    </message>
</context>
<context>
    <name>EndMembershipDialog</name>
    <message>
        <source>End membership</source>
        <translation>Fin de l&apos;appartenance</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Mettre fin</translation>
    </message>
    <message>
        <source>{0} is a member until:</source>
        <translation>{0} est membre jusqu&apos;au :</translation>
    </message>
    <message>
        <source>&amp;Last day:</source>
        <translation>&amp;Dernier jour :</translation>
    </message>
</context>
<context>
    <name>ExportList</name>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Export this list</source>
        <translation>Exporter cette liste</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export this list…</source>
        <translation>Exporter cette liste…</translation>
    </message>
</context>
<context>
    <name>FactDialog</name>
    <message>
        <source>Add a fact about {0}</source>
        <translation>Ajouter un fait : {0}</translation>
    </message>
    <message>
        <source>Holds (untick to record that it does not)</source>
        <translation>Avéré (décocher pour consigner que ce n&apos;est pas le cas)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
    <message>
        <source>Fact:</source>
        <translation>Fait :</translation>
    </message>
    <message>
        <source>Quantity:</source>
        <translation>Quantité :</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>Détail :</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>Where this comes from (required)</source>
        <translation>Provenance de l&apos;information (obligatoire)</translation>
    </message>
    <message>
        <source>As of:</source>
        <translation>En date du :</translation>
    </message>
</context>
<context>
    <name>ForumOperations</name>
    <message>
        <source>Add {0} to {1}</source>
        <translation>l&apos;ajout au forum {1} : {0}</translation>
    </message>
    <message>
        <source>Edit membership of {0}</source>
        <translation>la modification de la qualité de membre : {0}</translation>
    </message>
    <message>
        <source>End membership of {0}</source>
        <translation>la fin de la qualité de membre : {0}</translation>
    </message>
    <message>
        <source>Delete membership of {0}</source>
        <translation>la suppression de la qualité de membre : {0}</translation>
    </message>
</context>
<context>
    <name>ForumsPage</name>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>&amp;Open planner</source>
        <translation>&amp;Ouvrir le planificateur</translation>
    </message>
    <message>
        <source>Who is in the room, and what we plan there</source>
        <translation>Qui est dans la salle, et ce que nous y prévoyons</translation>
    </message>
    <message>
        <source>&amp;New meeting…</source>
        <translation>&amp;Nouvelle réunion…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>The members on this day</source>
        <translation>Les membres à cette date</translation>
    </message>
    <message>
        <source>All &amp;periods</source>
        <translation>&amp;Toutes les périodes</translation>
    </message>
    <message>
        <source>Every membership, past, present and future</source>
        <translation>Toutes les périodes d&apos;appartenance, passées, présentes et futures</translation>
    </message>
    <message>
        <source>Filter by state…</source>
        <translation>Filtrer par État…</translation>
    </message>
    <message>
        <source>&amp;Add member…</source>
        <translation>&amp;Ajouter un membre…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>E&amp;nd membership…</source>
        <translation>Mettre &amp;fin à l&apos;appartenance…</translation>
    </message>
    <message>
        <source>Record the day the state left the forum</source>
        <translation>Consigner la date à laquelle l&apos;État a quitté le forum</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete a membership recorded in error</source>
        <translation>Supprimer une appartenance saisie par erreur</translation>
    </message>
    <message>
        <source>Members on:</source>
        <translation>Membres au :</translation>
    </message>
    <message>
        <source>{0} (ended)</source>
        <translation>{0} (terminée)</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <source>Forums</source>
        <extracomment>(&quot;state&quot;, id) or (&quot;demarche&quot;, id): something the window shows elsewhere</extracomment>
        <translation>Forums</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Forums and meetings</source>
        <translation>Forums et réunions</translation>
    </message>
    <message numerus="yes">
        <source>%Ln members</source>
        <translation>
            <numerusform>%Ln membre</numerusform>
            <numerusform>%Ln membres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GoToStateDialog</name>
    <message>
        <source>Go to state</source>
        <translation>Aller à un État</translation>
    </message>
    <message>
        <source>Name, ISO code or other name…</source>
        <translation>Nom, code ISO ou autre nom…</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>No single state matches “{0}”.</source>
        <translation>Aucun État ne correspond de façon unique à «&#xa0;{0}&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ImportOperations</name>
    <message>
        <source>Import contacts from {0}</source>
        <translation>Importation de contacts depuis {0}</translation>
    </message>
    <message>
        <source>Import {0} status ({1} changes)</source>
        <translation>Importation du statut {0} (modifications : {1})</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
</context>
<context>
    <name>InterventionDialog</name>
    <message>
        <source>Edit intervention</source>
        <translation>Modifier l&apos;intervention</translation>
    </message>
    <message>
        <source>Plan an intervention</source>
        <translation>Planifier une intervention</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Réunion :</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Type :</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>T&amp;itre :</translation>
    </message>
    <message>
        <source>What it is, in one line</source>
        <translation>De quoi il s&apos;agit, en une ligne</translation>
    </message>
    <message>
        <source>Type a state&apos;s name, code or alias…</source>
        <translation>Tapez le nom, le code ou un autre nom d&apos;un État…</translation>
    </message>
    <message>
        <source>Target states</source>
        <translation>États visés</translation>
    </message>
    <message>
        <source>Target &amp;states:</source>
        <translation>États &amp;ciblés :</translation>
    </message>
    <message>
        <source>&amp;Lead officer:</source>
        <translation>A&amp;gent responsable :</translation>
    </message>
    <message>
        <source>Who leads it</source>
        <translation>Qui en est responsable</translation>
    </message>
    <message>
        <source>&amp;Time slot</source>
        <translation>Plage &amp;horaire</translation>
    </message>
    <message>
        <source>Starts at</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>Ends at</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>{0} time ({1})</source>
        <translation>Heure locale ({0}, {1})</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>lieu de la réunion</translation>
    </message>
    <message>
        <source>Times are on the meeting&apos;s clock, wherever you are</source>
        <translation>Les heures sont celles du lieu de la réunion, où que vous soyez</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>&amp;Statut :</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>Points de discussion</translation>
    </message>
    <message>
        <source>Talking &amp;points:</source>
        <translation>&amp;Points de discussion :</translation>
    </message>
    <message>
        <source>What came of it</source>
        <translation>Ce qui en est ressorti</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>&amp;Résultat :</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Planifier</translation>
    </message>
    <message>
        <source>Bilateral with {0}</source>
        <translation>Rencontre bilatérale : {0}</translation>
    </message>
    <message>
        <source>No state matches &apos;{0}&apos;; pick one from the list.</source>
        <translation>Aucun État ne correspond à «&#xa0;{0}&#xa0;»; choisissez-en un dans la liste.</translation>
    </message>
</context>
<context>
    <name>InterventionOperations</name>
    <message>
        <source>Plan {0}: {1}</source>
        <translation>la planification ({0}) : {1}</translation>
    </message>
    <message>
        <source>Edit intervention: {0}</source>
        <translation>la modification de l&apos;intervention : {0}</translation>
    </message>
    <message>
        <source>Delete intervention: {0}</source>
        <translation>la suppression de l&apos;intervention : {0}</translation>
    </message>
    <message>
        <source>Mark “{0}” {1}</source>
        <translation>le marquage de «&#xa0;{0}&#xa0;» comme {1}</translation>
    </message>
    <message>
        <source>Bilateral done: {0}</source>
        <translation>l&apos;enregistrement de la bilatérale tenue : {0}</translation>
    </message>
    <message>
        <source>Create démarche for: {0}</source>
        <translation>la création d&apos;une démarche pour : {0}</translation>
    </message>
    <message>
        <source>Link démarche to: {0}</source>
        <translation>la liaison d&apos;une démarche à : {0}</translation>
    </message>
    <message>
        <source>Unlink démarche from: {0}</source>
        <translation>la dissociation de la démarche de : {0}</translation>
    </message>
</context>
<context>
    <name>InterventionsModel</name>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Target states</source>
        <translation>États ciblés</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Démarche</source>
        <translation>Démarche</translation>
    </message>
    <message>
        <source>#{0}</source>
        <translation>nº&#xa0;{0}</translation>
    </message>
    <message>
        <source>{0}, on the meeting&apos;s clock ({1})</source>
        <translation>{0}, heure du lieu de la réunion ({1})</translation>
    </message>
</context>
<context>
    <name>LinkDemarcheDialog</name>
    <message>
        <source>Link a démarche</source>
        <translation>Lier une démarche</translation>
    </message>
    <message>
        <source>{0} — {1} ({2})</source>
        <translation>{0} — {1} ({2})</translation>
    </message>
    <message>
        <source>No démarche is made to these states yet.</source>
        <translation>Aucune démarche n&apos;a encore été faite auprès de ces États.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>&amp;Démarche:</source>
        <translation>&amp;Démarche :</translation>
    </message>
</context>
<context>
    <name>LogContactDialog</name>
    <message>
        <source>Edit log entry</source>
        <extracomment>with at most this many contacts, all of them are offered as you type; beyond it, the contacts of the chosen states are, and the others are searched for on Return</extracomment>
        <translation>Modifier l&apos;entrée du journal</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>Consigner un contact</translation>
    </message>
    <message>
        <source>&amp;Summary:</source>
        <translation>&amp;Résumé :</translation>
    </message>
    <message>
        <source>What was said, in one line</source>
        <translation>Ce qui a été dit, en une ligne</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Faire un suivi le</translation>
    </message>
    <message>
        <source>+1 week</source>
        <translation>+1 semaine</translation>
    </message>
    <message>
        <source>+1 month</source>
        <translation>+1 mois</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Suivi :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Date :</translation>
    </message>
    <message>
        <source>Type a state&apos;s name, code or alias…</source>
        <translation>Saisissez le nom, le code ou un autre nom d&apos;un État…</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>S&amp;tates:</source>
        <translation>É&amp;tats :</translation>
    </message>
    <message>
        <source>Type a contact&apos;s name…</source>
        <translation>Saisissez le nom d&apos;un contact…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>&amp;Contacts:</source>
        <translation>&amp;Contacts :</translation>
    </message>
    <message>
        <source>Dé&amp;marche:</source>
        <translation>Dé&amp;marche :</translation>
    </message>
    <message>
        <source>Meeting:</source>
        <translation>Réunion :</translation>
    </message>
    <message>
        <source>Details (optional)</source>
        <translation>Détails (facultatif)</translation>
    </message>
    <message>
        <source>D&amp;etails:</source>
        <translation>Déta&amp;ils :</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>&amp;Agent :</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Consigner</translation>
    </message>
    <message>
        <source>Save the entry (Enter or Ctrl+Enter)</source>
        <translation>Enregistrer l&apos;entrée du journal (Entrée ou Ctrl+Enter)</translation>
    </message>
    <message>
        <source>state</source>
        <translation>État</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>contact</translation>
    </message>
    <message>
        <source>No {0} matches &apos;{1}&apos;; pick one from the list.</source>
        <translation>Aucun {0} ne correspond à «&#xa0;{1}&#xa0;»; choisissez-en un dans la liste.</translation>
    </message>
</context>
<context>
    <name>LogOperations</name>
    <message>
        <source>Log contact: {0}</source>
        <translation>Consigner un contact : {0}</translation>
    </message>
    <message>
        <source>Edit log entry: {0}</source>
        <translation>Modifier l&apos;entrée du journal : {0}</translation>
    </message>
    <message>
        <source>Mark follow-up done: {0}</source>
        <translation>Marquer le suivi comme fait : {0}</translation>
    </message>
    <message>
        <source>Delete log entry: {0}</source>
        <translation>Supprimer l&apos;entrée du journal : {0}</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Contact log</source>
        <extracomment>besides the log itself, what changes the names or links this page shows</extracomment>
        <translation>Journal des contacts</translation>
    </message>
    <message>
        <source>Only entries about this state (type to find it)</source>
        <translation>Seulement les entrées concernant cet État (tapez son nom pour le trouver)</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Tous les types</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>Open follow-up only</source>
        <translation>Suivi à faire seulement</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>En retard seulement</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Les miennes</translation>
    </message>
    <message>
        <source>Only the entries I logged (my name: Edit ▸ Preferences…)</source>
        <translation>Seulement les entrées que j&apos;ai consignées (mon nom : Édition ▸ Préférences…)</translation>
    </message>
    <message>
        <source>Search summaries and details…</source>
        <translation>Rechercher dans les résumés et les détails…</translation>
    </message>
    <message>
        <source>Search the log</source>
        <translation>Chercher dans le journal</translation>
    </message>
    <message>
        <source>Log a contact…</source>
        <translation>Consigner un contact…</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contact :</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Mark follow-up done</source>
        <translation>Marquer le suivi comme fait</translation>
    </message>
    <message>
        <source>The follow-up was done today (can be undone)</source>
        <translation>Le suivi a été fait aujourd&apos;hui (peut être annulé)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete the entry (can be undone)</source>
        <translation>Supprimer l&apos;entrée (peut être annulé)</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <source>Follow-up:</source>
        <translation>Suivi :</translation>
    </message>
    <message>
        <source>States:</source>
        <translation>États :</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>Contacts :</translation>
    </message>
    <message>
        <source>Démarche:</source>
        <translation>Démarche :</translation>
    </message>
    <message>
        <source>Details:</source>
        <translation>Détails :</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tous les États</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Tous les contacts</translation>
    </message>
    <message>
        <source>Only entries with this contact (type to find them)</source>
        <translation>Seulement les entrées avec ce contact (tapez son nom pour le trouver)</translation>
    </message>
    <message>
        <source>Choose a state to pick one of its contacts</source>
        <translation>Choisissez un État pour sélectionner l&apos;un de ses contacts</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries</source>
        <translation>
            <numerusform>%Ln entrée</numerusform>
            <numerusform>%Ln entrées</numerusform>
        </translation>
    </message>
    <message>
        <source>Which state does {0} concern?</source>
        <translation>Quel État {0} concerne-t-il ?</translation>
    </message>
    <message>
        <source>Select an entry to see it here.</source>
        <translation>Sélectionnez une entrée pour l&apos;afficher ici.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
</context>
<context>
    <name>LogTableModel</name>
    <message>
        <source>Date</source>
        <extracomment>rows read at a time: a window&apos;s worth and more (a page of 200 took three times as long to read, and the list is read again after every save)</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>done {0}</source>
        <extracomment>the columns the service can sort by, and the name it knows them by</extracomment>
        <translation>effectué le {0}</translation>
    </message>
    <message>
        <source>Overdue: the follow-up was due on {0}</source>
        <extracomment>how many pages were read from the service (for tests and curiosity)</extracomment>
        <translation>En retard : le suivi était prévu le {0}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Outreach — {0}</source>
        <translation>Outreach — {0}</translation>
    </message>
    <message>
        <source>{0} (Ctrl+{1})</source>
        <extracomment>the actions that work before a database is open (the rest wait for `install_hooks`) where File ▸ Open recent goes in a menu&apos;s entries an action, a separator (None), a submenu (its title and entries) or RECENT where the database open in the window is (a file&apos;s path, a server&apos;s address)</extracomment>
        <translation>{0} (Ctrl+{1})</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Campaign</source>
        <translation>&amp;Campagne</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Ouvrir une base &amp;récente</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(aucune pour le moment)</translation>
    </message>
    <message>
        <source>Opened read-only: changes cannot be saved</source>
        <translation>Ouvert en lecture seule : les modifications ne peuvent pas être enregistrées</translation>
    </message>
    <message>
        <source>You may read this file but not change it (its permissions or its folder&apos;s).</source>
        <translation>Vous pouvez lire ce fichier, mais pas le modifier (en raison de ses autorisations ou de celles de son dossier).</translation>
    </message>
    <message>
        <source>● Connected to {0}</source>
        <translation>● Connecté à {0}</translation>
    </message>
    <message>
        <source>○ Server unreachable: reconnecting… (what you type is kept)</source>
        <translation>○ Serveur injoignable : reconnexion… (ce que vous saisissez est conservé)</translation>
    </message>
    <message>
        <source>Show {0}</source>
        <translation>Afficher la page {0}</translation>
    </message>
    <message>
        <source>Export the list in view (in a list)</source>
        <translation>Exporter la liste affichée (depuis une liste)</translation>
    </message>
    <message>
        <source>About Outreach</source>
        <translation>À propos d&apos;Outreach</translation>
    </message>
    <message>
        <source>Outreach: a CRM for treaty universalization campaigns.</source>
        <translation>Outreach : un outil de gestion des relations (CRM) pour les campagnes d&apos;universalisation des traités.</translation>
    </message>
    <message>
        <source>Opening {0}…</source>
        <translation>Ouverture de {0}…</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Edit meeting</source>
        <translation>Modifier la réunion</translation>
    </message>
    <message>
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Forum:</source>
        <translation>Forum :</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>e.g. Sixth Meeting of the States Parties</source>
        <translation>p. ex. Sixième Assemblée des États parties</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Ville :</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Fuseau horaire :</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Du :</translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>&amp;Au :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
</context>
<context>
    <name>MeetingOperations</name>
    <message>
        <source>New meeting: {0}</source>
        <translation>Nouvelle réunion : {0}</translation>
    </message>
    <message>
        <source>Edit meeting: {0}</source>
        <translation>Modification de la réunion : {0}</translation>
    </message>
    <message>
        <source>Delete meeting: {0}</source>
        <translation>Suppression de la réunion : {0}</translation>
    </message>
    <message>
        <source>Announce {0} at {1}</source>
        <translation>Participation annoncée : {0} ({1})</translation>
    </message>
    <message>
        <source>No longer expecting {0} at {1}</source>
        <translation>Annonce de participation retirée : {0} ({1})</translation>
    </message>
</context>
<context>
    <name>MeetingPlanner</name>
    <message>
        <source>← Forums</source>
        <extracomment>(&quot;state&quot;, id) or (&quot;demarche&quot;, id): something to show elsewhere in the app</extracomment>
        <translation>← Forums</translation>
    </message>
    <message>
        <source>Back to the forums and their meetings</source>
        <translation>Retour aux forums et à leurs réunions</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Logged at this meeting</source>
        <translation>Journal de cette réunion</translation>
    </message>
    <message>
        <source>The meeting&apos;s files</source>
        <translation>Les fichiers de la réunion</translation>
    </message>
    <message>
        <source>Priority categories only</source>
        <translation>Catégories prioritaires seulement</translation>
    </message>
    <message>
        <source>Hide the states in the room that are in no priority category</source>
        <translation>Masquer les États présents dans la salle qui ne font partie d&apos;aucune catégorie prioritaire</translation>
    </message>
    <message>
        <source>Find a state in the room…</source>
        <translation>Trouver un État dans la salle…</translation>
    </message>
    <message>
        <source>&amp;Announce attending…</source>
        <translation>&amp;Annoncer un participant…</translation>
    </message>
    <message>
        <source>Add a state expected in the room though not a member (an observer)</source>
        <translation>Ajouter un État attendu dans la salle sans en être membre (un observateur)</translation>
    </message>
    <message>
        <source>Not &amp;expected</source>
        <translation>&amp;Non attendu</translation>
    </message>
    <message>
        <source>The selected observer is no longer expected</source>
        <translation>L&apos;observateur sélectionné n&apos;est plus attendu</translation>
    </message>
    <message>
        <source>Plan &amp;bilateral…</source>
        <translation>Planifier une &amp;bilatérale…</translation>
    </message>
    <message>
        <source>Plan a bilateral with the selected state</source>
        <translation>Planifier une rencontre bilatérale avec l&apos;État sélectionné</translation>
    </message>
    <message>
        <source>In the room at {0}</source>
        <translation>Dans la salle — {0}</translation>
    </message>
    <message>
        <source>In the room</source>
        <translation>Dans la salle</translation>
    </message>
    <message>
        <source>&amp;Plan…</source>
        <translation>&amp;Planifier…</translation>
    </message>
    <message>
        <source>Plan a statement, side event or bilateral (Ctrl+N)</source>
        <translation>Planifier une déclaration, une activité parallèle ou une bilatérale (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>&amp;Statut</translation>
    </message>
    <message>
        <source>Bilateral &amp;done…</source>
        <translation>Bilatérale &amp;tenue…</translation>
    </message>
    <message>
        <source>Record the outcome and write the log entry in one step</source>
        <translation>Consigner le résultat et rédiger l&apos;entrée du journal en une seule étape</translation>
    </message>
    <message>
        <source>Dé&amp;marche</source>
        <translation>&amp;Démarche</translation>
    </message>
    <message>
        <source>Create a démarche…</source>
        <translation>Créer une démarche…</translation>
    </message>
    <message>
        <source>Link a démarche…</source>
        <translation>Lier une démarche…</translation>
    </message>
    <message>
        <source>Unlink the démarche</source>
        <translation>Dissocier la démarche</translation>
    </message>
    <message>
        <source>Show the démarche</source>
        <translation>Afficher la démarche</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Supp&amp;rimer</translation>
    </message>
    <message>
        <source>Interventions at {0}</source>
        <translation>Interventions — {0}</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>The intervention</source>
        <translation>L&apos;intervention</translation>
    </message>
    <message>
        <source>Logged at this meeting ({0})</source>
        <translation>Journal de cette réunion ({0})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{0}&lt;/b&gt; states expected ({1} announced attendees); &lt;b&gt;{2}&lt;/b&gt; of them in priority categories.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; États attendus ({1} participants annoncés), dont &lt;b&gt;{2}&lt;/b&gt; dans des catégories prioritaires.</translation>
    </message>
    <message>
        <source>Démarche #{0}</source>
        <translation>Démarche nº {0}</translation>
    </message>
    <message>
        <source>Démarche: {0} ({1})</source>
        <translation>Démarche : {0} ({1})</translation>
    </message>
    <message>
        <source>{0} ({1} time)</source>
        <translation>{0} (fuseau horaire {1})</translation>
    </message>
    <message>
        <source>Targets: {0}</source>
        <translation>Cibles : {0}</translation>
    </message>
    <message>
        <source>Lead: {0}</source>
        <translation>Responsable : {0}</translation>
    </message>
    <message>
        <source>Talking points</source>
        <translation>Points de discussion</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>MembersTableModel</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Justification</translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Edit membership</source>
        <translation>Modifier l&apos;adhésion</translation>
    </message>
    <message>
        <source>Add a member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Forum:</source>
        <translation>Forum :</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Depuis le</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Membre :</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Jusqu&apos;au</translation>
    </message>
    <message>
        <source>S&amp;ource:</source>
        <translation>S&amp;ource :</translation>
    </message>
    <message>
        <source>Where this comes from</source>
        <translation>Provenance de l&apos;information</translation>
    </message>
    <message>
        <source>Choose the state that is a member.</source>
        <translation>Choisissez l&apos;État membre.</translation>
    </message>
</context>
<context>
    <name>MonthDelegate</name>
    <message>
        <source>+{0} more</source>
        <translation>+{0} autres</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>Week number</source>
        <translation>Numéro de semaine</translation>
    </message>
</context>
<context>
    <name>ObligationsDialog</name>
    <message>
        <source>Obligations of {0}</source>
        <translation>Obligations : {0}</translation>
    </message>
    <message>
        <source>Obligation</source>
        <translation>Obligation</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>Remplie</translation>
    </message>
    <message>
        <source>Extended</source>
        <translation>Prolongée</translation>
    </message>
    <message>
        <source>on</source>
        <translation>le</translation>
    </message>
    <message>
        <source>to</source>
        <translation>jusqu&apos;au</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>Where the dates come from, e.g. the Article 7 report of 2004</source>
        <translation>Provenance des dates, p. ex. le rapport présenté au titre de l&apos;article 7 en 2004</translation>
    </message>
</context>
<context>
    <name>OpeningPane</name>
    <message>
        <source>Opening the database…</source>
        <translation>Ouverture de la base de données…</translation>
    </message>
    <message>
        <source>Opening progress</source>
        <translation>Progression de l&apos;ouverture</translation>
    </message>
</context>
<context>
    <name>OrganizationDetail</name>
    <message>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>État :</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>Ville :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <source>Select an organization to see its contacts.</source>
        <translation>Sélectionnez une organisation pour voir ses contacts.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Add &amp;contact…</source>
        <translation>Ajouter un &amp;contact…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Contacts ({0})</source>
        <translation>Contacts ({0})</translation>
    </message>
</context>
<context>
    <name>OrganizationDialog</name>
    <message>
        <source>Edit organization</source>
        <translation>Modifier l&apos;organisation</translation>
    </message>
    <message>
        <source>New organization</source>
        <translation>Nouvelle organisation</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>T&amp;ype :</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— aucun —</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>É&amp;tat :</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Ville :</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otes :</translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is not a state in the list; pick one.</source>
        <translation>«&#xa0;{0}&#xa0;» ne figure pas dans la liste des États; choisissez-en un.</translation>
    </message>
</context>
<context>
    <name>OrganizationOperations</name>
    <message>
        <source>Add organization {0}</source>
        <translation>l&apos;ajout de l&apos;organisation {0}</translation>
    </message>
    <message>
        <source>Edit organization {0}</source>
        <translation>la modification de l&apos;organisation {0}</translation>
    </message>
    <message>
        <source>Delete organization {0}</source>
        <translation>la suppression de l&apos;organisation {0}</translation>
    </message>
</context>
<context>
    <name>OrganizationsPage</name>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Filter by name, state or city…</source>
        <translation>Filtrer par nom, État ou ville…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln organizations</source>
        <translation>
            <numerusform>%1 sur %Ln organisation</numerusform>
            <numerusform>%1 sur %Ln organisations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln organizations</source>
        <translation>
            <numerusform>%Ln organisation</numerusform>
            <numerusform>%Ln organisations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrganizationsTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ville</translation>
    </message>
</context>
<context>
    <name>Overdue</name>
    <message>
        <source>{0} (overdue)</source>
        <extracomment>the colour of what is overdue, in every list; never alone (see `overdue_text`)</extracomment>
        <translation>{0} (en retard)</translation>
    </message>
    <message>
        <source>Overdue: {0}</source>
        <translation>En retard : {0}</translation>
    </message>
</context>
<context>
    <name>ParticipationDialog</name>
    <message>
        <source>Treaty status of {0}</source>
        <translation>Statut au regard du traité : {0}</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signé le</translation>
    </message>
    <message>
        <source>Consent deposited on</source>
        <translation>Consentement déposé le</translation>
    </message>
    <message>
        <source>Kind of consent:</source>
        <translation>Type de consentement :</translation>
    </message>
    <message>
        <source>Succession takes effect on</source>
        <translation>La succession prend effet le</translation>
    </message>
    <message>
        <source>The day the depositary records, usually the independence of the successor state; left out, entry into force follows the treaty&apos;s rule</source>
        <translation>Le jour qu&apos;enregistre le dépositaire, d&apos;ordinaire l&apos;indépendance de l&apos;État successeur ; sinon, l&apos;entrée en vigueur suit la règle de la Convention</translation>
    </message>
    <message>
        <source>Withdrawal notified on</source>
        <translation>Retrait notifié le</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Source :</translation>
    </message>
    <message>
        <source>e.g. UN Treaty Collection, as of today</source>
        <translation>p. ex. Collection des traités des Nations Unies, en date d&apos;aujourd&apos;hui</translation>
    </message>
</context>
<context>
    <name>PartiesChart</name>
    <message>
        <source>Drawing the chart…</source>
        <extracomment>what the chart shows: (day, States Parties) points, how they count, the target and how it was counted</extracomment>
        <translation>Tracé du graphique…</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <source>No system keyring could be loaded on this computer.</source>
        <extracomment>what a dialog answered: the passphrase and whether to keep it in the keyring; None when the officer cancelled</extracomment>
        <translation>Aucun trousseau du système n&apos;a pu être chargé sur cet ordinateur.</translation>
    </message>
    <message>
        <source>This computer has no system keyring (e.g. no desktop session).</source>
        <translation>Cet ordinateur n&apos;a pas de trousseau du système (p. ex. aucune session de bureau).</translation>
    </message>
    <message>
        <source>Encrypted database</source>
        <translation>Base de données chiffrée</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keyring</source>
        <translation>&amp;Mémoriser dans le trousseau du système</translation>
    </message>
    <message>
        <source>{0} is encrypted. Its passphrase:</source>
        <translation>{0} est chiffré. Sa phrase de passe :</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>{0} was not opened: it needs its passphrase.</source>
        <translation>{0} n&apos;a pas été ouvert : sa phrase de passe est nécessaire.</translation>
    </message>
    <message>
        <source>{0} {1} more tries.</source>
        <translation>{0} Essais restants : {1}.</translation>
    </message>
    <message>
        <source>Three wrong passphrases; nothing was opened.</source>
        <translation>Trois phrases de passe erronées; rien n&apos;a été ouvert.</translation>
    </message>
    <message>
        <source>Encrypt {0}</source>
        <translation>Chiffrer {0}</translation>
    </message>
    <message>
        <source>From now on {0} opens only with this passphrase, and its backups are encrypted with it. {1}</source>
        <translation>Désormais, {0} ne s&apos;ouvrira qu&apos;avec cette phrase de passe, et ses sauvegardes seront chiffrées avec celle-ci. {1}</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Phrase de passe :</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>Co&amp;nfirmation :</translation>
    </message>
    <message>
        <source>&amp;Encrypt</source>
        <translation>&amp;Chiffrer</translation>
    </message>
    <message>
        <source>A passphrase has at least {0} characters.</source>
        <translation>Une phrase de passe compte au moins {0} caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type the same one twice.</source>
        <translation>Les deux phrases de passe diffèrent; tapez la même deux fois.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;Word…</source>
        <translation>Enregistrer en &amp;Word…</translation>
    </message>
    <message>
        <source>The same sheets as a Word document to edit</source>
        <translation>Les mêmes fiches en document Word à modifier</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Paper size, security marking and officer</source>
        <translation>Format du papier, cote de sécurité et agent</translation>
    </message>
    <message>
        <source>The PDF could not be opened ({0}).</source>
        <translation>Impossible d&apos;ouvrir le PDF ({0}).</translation>
    </message>
    <message numerus="yes">
        <source>%Ln pages</source>
        <translation>
            <numerusform>%Ln page</numerusform>
            <numerusform>%Ln pages</numerusform>
        </translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>Enregistré dans {0}</translation>
    </message>
    <message>
        <source>Save as Word</source>
        <translation>Enregistrer en Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>PickList</name>
    <message>
        <source>{0} chosen</source>
        <translation>{0} choisis</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove the selected names (Delete)</source>
        <translation>Retirer les noms sélectionnés (Suppr)</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <extracomment>each language named in itself, as a language menu does</extracomment>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Follow the system ({0})</source>
        <translation>Suivre le système ({0})</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Votre &amp;nom :</translation>
    </message>
    <message>
        <source>&amp;Desk or mission:</source>
        <translation>&amp;Bureau ou mission :</translation>
    </message>
    <message>
        <source>Default &amp;marking:</source>
        <translation>&amp;Cote par défaut :</translation>
    </message>
    <message>
        <source>Default pape&amp;r:</source>
        <translation>&amp;Format de papier par défaut :</translation>
    </message>
    <message>
        <source>Interface &amp;language:</source>
        <translation>&amp;Langue de l&apos;interface :</translation>
    </message>
    <message>
        <source>Largest &amp;attachment:</source>
        <translation>Plus grande &amp;pièce jointe :</translation>
    </message>
    <message>
        <source>My database:</source>
        <translation>Ma base de données :</translation>
    </message>
    <message>
        <source>The officer new entries and démarches name</source>
        <translation>L&apos;agent que nomment les nouvelles entrées et démarches</translation>
    </message>
    <message>
        <source>Embassy of Canada in Bangkok</source>
        <translation>Ambassade du Canada à Bangkok</translation>
    </message>
    <message>
        <source>&amp;Print my name on briefing sheets</source>
        <translation>&amp;Imprimer mon nom sur les fiches d&apos;information</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Outreach will be in {0} from its next start.</source>
        <translation>Outreach sera en {0} à partir de son prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>PrintSettingsDialog</name>
    <message>
        <source>Printing settings</source>
        <extracomment>where Letter is the usual paper (everywhere else: A4)</extracomment>
        <translation>Paramètres d&apos;impression</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Lettre</translation>
    </message>
    <message>
        <source>Your name as it should print (optional)</source>
        <translation>Votre nom tel qu&apos;il doit être imprimé (facultatif)</translation>
    </message>
    <message>
        <source>The marking prints at the top and bottom of every page.</source>
        <translation>La cote est imprimée en haut et en bas de chaque page.</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>&amp;Papier :</translation>
    </message>
    <message>
        <source>&amp;Marking:</source>
        <translation>&amp;Cote de sécurité :</translation>
    </message>
    <message>
        <source>&amp;Officer:</source>
        <translation>&amp;Agent :</translation>
    </message>
    <message>
        <source>Printed in &amp;language:</source>
        <translation>&amp;Langue d&apos;impression :</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Briefing sheet: {0}</source>
        <translation>Fiche d&apos;information : {0}</translation>
    </message>
    <message>
        <source>Meeting pack: {0}</source>
        <translation>Dossier de réunion : {0}</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Print the meeting&apos;s pack or the state&apos;s briefing sheet?</source>
        <translation>Imprimer le dossier de la réunion ou la fiche d&apos;information de l&apos;État?</translation>
    </message>
    <message>
        <source>Meeting &amp;pack</source>
        <translation>&amp;Dossier de réunion</translation>
    </message>
    <message>
        <source>Select a state to print its briefing sheet, or a meeting to print its pack.</source>
        <translation>Sélectionnez un État pour imprimer sa fiche d&apos;information, ou une réunion pour imprimer son dossier.</translation>
    </message>
    <message>
        <source>Status report: {0} on {1}</source>
        <translation>Rapport de situation : {0} au {1}</translation>
    </message>
    <message>
        <source>Printing failed unexpectedly ({0}: {1}). This is a bug in Outreach; no file was written.</source>
        <translation>L&apos;impression a échoué de façon inattendue ({0} : {1}). Il s&apos;agit d&apos;un bogue d&apos;Outreach; aucun fichier n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Preparing {0}…</source>
        <translation>Préparation de «&#xa0;{0}&#xa0;»…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Laying out sheet {0} of {1}…</source>
        <translation>Mise en page de la fiche {0} sur {1}…</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>Échec de l&apos;impression</translation>
    </message>
</context>
<context>
    <name>RecordOpener</name>
    <message>
        <source>Not found</source>
        <extracomment>kinds whose page already says why it could not open one which record an attachment is attached to: (kind, id), or None when it is gone</extracomment>
        <translation>Introuvable</translation>
    </message>
    <message>
        <source>That record is no longer there: it may have been deleted.</source>
        <translation>Cet élément n&apos;existe plus : il a peut-être été supprimé.</translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Filter</source>
        <extracomment>the rows of the form, in order hide the rows with nothing to show (a long form of optional fields) the records the list holds; a dialog that saved one of these gets it selected where the splitter and the header are remembered: &quot;&lt;key&gt;/splitter&quot;, &quot;&lt;key&gt;/header&quot; the column the list is sorted by at first, and the columns&apos; first widths the column that names a record (a name, a title): it gets the room on a first start the kind of record files are attached to here; the detail pane then lists them the selected record&apos;s files, at the foot of its detail pane</extracomment>
        <translation>Filtrer</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
</context>
<context>
    <name>ReportPeriodDialog</name>
    <message>
        <source>Print status report</source>
        <translation>Imprimer le rapport de situation</translation>
    </message>
    <message>
        <source>The report shows the campaign on the last day: the States Parties curve, the map, what moved in the period, the démarches delivered, the overdue follow-ups and the next meetings.</source>
        <translation>Le rapport montre la campagne au dernier jour : la courbe des États parties, la carte, ce qui a bougé dans la période, les démarches remises, les suivis en retard et les prochaines réunions.</translation>
    </message>
    <message>
        <source>What moved &amp;from:</source>
        <translation>Ce qui a bougé &amp;depuis le :</translation>
    </message>
    <message>
        <source>&amp;To (the report&apos;s day):</source>
        <translation>&amp;Jusqu&apos;au (jour du rapport) :</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>The period cannot start after its last day.</source>
        <translation>La période ne peut pas commencer après son dernier jour.</translation>
    </message>
</context>
<context>
    <name>RoomModel</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>En retard</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Prévues</translation>
    </message>
    <message>
        <source>In the room as</source>
        <translation>Présent à titre de</translation>
    </message>
    <message>
        <source>Treaty status on the meeting&apos;s first day</source>
        <translation>Statut au regard du traité le premier jour de la réunion</translation>
    </message>
    <message>
        <source>The last contact logged</source>
        <translation>Le dernier contact consigné</translation>
    </message>
    <message>
        <source>Open démarches to the state</source>
        <translation>Démarches en cours auprès de l&apos;État</translation>
    </message>
    <message>
        <source>Follow-ups past their date</source>
        <translation>Suivis dont la date est dépassée</translation>
    </message>
    <message>
        <source>Interventions planned for it here</source>
        <translation>Interventions prévues ici à son intention</translation>
    </message>
    <message>
        <source>A member of the forum, or a state announced as attending</source>
        <translation>Membre du forum, ou État dont la participation est annoncée</translation>
    </message>
    <message>
        <source>In no priority category</source>
        <translation>Sans catégorie prioritaire</translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <source>Member, announced</source>
        <translation>Membre, participation annoncée</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Membre</translation>
    </message>
    <message>
        <source>Attendee</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>No state of this category is expected in the room</source>
        <translation>Aucun État de cette catégorie n&apos;est attendu dans la salle</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Treaty status is one of</source>
        <extracomment>the kinds of condition, in the order the editor offers them, with their labels</extracomment>
        <translation>Le statut au regard du traité est l&apos;un de</translation>
    </message>
    <message>
        <source>Fact holds</source>
        <translation>Le fait est avéré</translation>
    </message>
    <message>
        <source>Region is</source>
        <translation>La région est</translation>
    </message>
    <message>
        <source>Sub-region is</source>
        <translation>La sous-région est</translation>
    </message>
    <message>
        <source>Holds a seat in year</source>
        <translation>Occupe un siège pendant l&apos;année</translation>
    </message>
    <message>
        <source>Member of forum</source>
        <translation>Membre du forum</translation>
    </message>
    <message>
        <source>Stance is one of</source>
        <translation>La position est l&apos;une de</translation>
    </message>
    <message>
        <source>States Party</source>
        <translation>État partie</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Signataire</translation>
    </message>
    <message>
        <source>Outside</source>
        <translation>Hors traité</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Producer</source>
        <translation>Producteur</translation>
    </message>
    <message>
        <source>Stockpile</source>
        <translation>Stocks</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Emploi</translation>
    </message>
    <message>
        <source>Exports</source>
        <translation>Exportations</translation>
    </message>
    <message>
        <source>Export moratorium</source>
        <translation>Moratoire sur les exportations</translation>
    </message>
    <message>
        <source>Mine-affected</source>
        <translation>Touché par les mines</translation>
    </message>
    <message>
        <source>Supportive</source>
        <translation>Favorable</translation>
    </message>
    <message>
        <source>Favourable</source>
        <translation>Plutôt favorable</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Indécis</translation>
    </message>
    <message>
        <source>Reluctant</source>
        <translation>Réticent</translation>
    </message>
    <message>
        <source>Opposed</source>
        <translation>Opposé</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnue</translation>
    </message>
    <message>
        <source>all of these conditions</source>
        <translation>toutes ces conditions</translation>
    </message>
    <message>
        <source>any of these conditions</source>
        <translation>l&apos;une de ces conditions</translation>
    </message>
    <message>
        <source>&amp;Add condition</source>
        <translation>&amp;Ajouter une condition</translation>
    </message>
    <message>
        <source>The rule as it is stored</source>
        <translation>La règle telle qu&apos;elle est enregistrée</translation>
    </message>
    <message>
        <source>States that meet</source>
        <translation>États qui remplissent</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Search states, contacts, organizations, démarches, the log…</source>
        <translation>Rechercher dans les États, les contacts, les organisations, les démarches, le journal…</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <source>Type two letters or more. Accents and case do not matter.</source>
        <translation>Saisissez au moins deux lettres. Les accents et la casse sont ignorés.</translation>
    </message>
    <message>
        <source>Nothing found for “{0}”.</source>
        <translation>Aucun résultat pour «&#xa0;{0}&#xa0;».</translation>
    </message>
    <message>
        <source>Enter opens the record; ↑ ↓ choose.</source>
        <translation>Entrée ouvre la fiche; ↑ ↓ pour choisir.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>also known as</source>
        <translation>autres noms</translation>
    </message>
    <message>
        <source>talking points</source>
        <translation>points de discussion</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>details</source>
        <translation>détails</translation>
    </message>
    <message>
        <source>response</source>
        <translation>réponse</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>résultat</translation>
    </message>
    <message>
        <source>states</source>
        <translation>États</translation>
    </message>
    <message>
        <source>with</source>
        <translation>avec</translation>
    </message>
    <message>
        <source>organization</source>
        <translation>organisation</translation>
    </message>
    <message>
        <source>e-mail or phone</source>
        <translation>courriel ou téléphone</translation>
    </message>
    <message>
        <source>in the file</source>
        <translation>dans le fichier</translation>
    </message>
    <message>
        <source>attached to</source>
        <translation>joint à</translation>
    </message>
</context>
<context>
    <name>SearchKind</name>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>Organisations</translation>
    </message>
    <message>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <source>Interventions</source>
        <translation>Interventions</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>Entrées du journal</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>SideBySide</name>
    <message>
        <source>Name</source>
        <extracomment>(the field&apos;s name, marked for translation; how to read it from a contact&apos;s summary)</extracomment>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Log entries</source>
        <translation>Entrées du journal</translation>
    </message>
    <message>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
</context>
<context>
    <name>StateDetail</name>
    <message>
        <source>Notes on this state…</source>
        <translation>Notes sur cet État…</translation>
    </message>
    <message>
        <source>Our talking points for this state…</source>
        <translation>Nos points de discussion pour cet État…</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Enregistrer le profil</translation>
    </message>
    <message>
        <source>Stance:</source>
        <translation>Position :</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <source>Talking points:</source>
        <translation>Points de discussion :</translation>
    </message>
    <message>
        <source>Treaty &amp;status…</source>
        <translation>&amp;Statut au regard du traité…</translation>
    </message>
    <message>
        <source>Signature, consent and withdrawal dates</source>
        <translation>Dates de signature, de consentement et de retrait</translation>
    </message>
    <message>
        <source>O&amp;bligations…</source>
        <translation>&amp;Obligations…</translation>
    </message>
    <message>
        <source>Record a duty met or its deadline extended</source>
        <translation>Consigner une obligation remplie ou la prolongation de son échéance</translation>
    </message>
    <message>
        <source>Add &amp;fact…</source>
        <translation>&amp;Ajouter un fait…</translation>
    </message>
    <message>
        <source>A sourced, dated fact: producer, stockpile, use…</source>
        <translation>Un fait daté et sourcé : producteur, stocks, emploi…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Démarches</source>
        <translation>Démarches</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Modifications</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>&lt;p&gt;Select a state.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Sélectionnez un État.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>also: {0}</source>
        <translation>autres noms : {0}</translation>
    </message>
    <message>
        <source>signed {signed} · consent {consent} {kind} · in force {in_force}</source>
        <translation>signature {signed} · consentement {consent} {kind} · entrée en vigueur {in_force}</translation>
    </message>
    <message>
        <source>withdrawal notified {notified}, effective {effective}</source>
        <translation>retrait notifié le {notified}, effectif le {effective}</translation>
    </message>
    <message>
        <source>never arose: none held, as declared</source>
        <translation>sans objet : aucun stock détenu, selon la déclaration</translation>
    </message>
    <message>
        <source>met in {0}</source>
        <translation>remplie en {0}</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>Obligations</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>en retard</translation>
    </message>
    <message>
        <source>State profile</source>
        <extracomment>whose standing the profile shows (the window&apos;s choice, View ▸ Treaty)</extracomment>
        <translation>Profil de l&apos;État</translation>
    </message>
    <message>
        <source>Outside the {0}</source>
        <translation>Hors de la {0}</translation>
    </message>
    <message>
        <source>met {0}</source>
        <translation>remplie le {0}</translation>
    </message>
    <message>
        <source>Annual Article 7 update (by 30 April): {0}</source>
        <translation>Mise à jour annuelle au titre de l&apos;article 7 (avant le 30 avril) : {0}</translation>
    </message>
    <message>
        <source>received {0}</source>
        <translation>reçue le {0}</translation>
    </message>
    <message>
        <source>not received</source>
        <translation>non reçue</translation>
    </message>
    <message>
        <source>none recorded (add a fact when one is received)</source>
        <translation>aucune consignée (ajoutez un fait à la réception)</translation>
    </message>
    <message>
        <source>Priority categories</source>
        <translation>Catégories prioritaires</translation>
    </message>
    <message>
        <source>Facts</source>
        <translation>Faits</translation>
    </message>
    <message>
        <source>not: {0}</source>
        <translation>non : {0}</translation>
    </message>
    <message>
        <source>{source}, as of {day}</source>
        <translation>{source}, au {day}</translation>
    </message>
    <message>
        <source>Seats and forums</source>
        <translation>Sièges et forums</translation>
    </message>
</context>
<context>
    <name>StateOperations</name>
    <message>
        <source>Edit profile of {0}</source>
        <extracomment>what `TreatyService.set_status` writes at once (with the source and its date)</extracomment>
        <translation>Modifier le profil : {0}</translation>
    </message>
    <message>
        <source>Treaty status of {0}</source>
        <translation>Statut au regard du traité : {0}</translation>
    </message>
    <message>
        <source>Obligations of {0}</source>
        <translation>Obligations : {0}</translation>
    </message>
    <message>
        <source>Add fact about {0}</source>
        <translation>Ajouter un fait : {0}</translation>
    </message>
</context>
<context>
    <name>StatePicker</name>
    <message>
        <source>Type a state&apos;s name, code or alias…</source>
        <translation>Tapez le nom d&apos;un État, son code ou un autre nom…</translation>
    </message>
</context>
<context>
    <name>StatesPage</name>
    <message>
        <source>Filter states</source>
        <extracomment>the treaty whose standing the list shows (the window&apos;s choice, View ▸ Treaty)</extracomment>
        <translation>Filtrer les États</translation>
    </message>
    <message>
        <source>Filter by name, code, alias or category…</source>
        <translation>Filtrer par nom, code, autre nom ou catégorie…</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <source>Joined: party or pending</source>
        <translation>Ayant adhéré : partie ou en attente</translation>
    </message>
    <message>
        <source>Every state whose instrument is deposited, as Landmine Monitor counts</source>
        <translation>Tout État dont l&apos;instrument est déposé, comme compte Landmine Monitor</translation>
    </message>
    <message>
        <source>Security Council year</source>
        <translation>Année du Conseil de sécurité</translation>
    </message>
    <message>
        <source>Any UNSC seat</source>
        <translation>Tout siège au CSNU</translation>
    </message>
    <message>
        <source>UNSC in </source>
        <translation>CSNU en </translation>
    </message>
    <message>
        <source>Only states on the Security Council in a year</source>
        <translation>Seulement les États qui siègent au Conseil de sécurité une année donnée</translation>
    </message>
    <message>
        <source>States</source>
        <translation>États</translation>
    </message>
    <message>
        <source>{3}: {0} States Parties today; {1} pending entry into force ({2} by deposit, as Landmine and Cluster Munition Monitor counts)</source>
        <translation>{3} : {0} États parties aujourd&apos;hui ; {1} en attente d&apos;entrée en vigueur ({2} par dépôt, comme compte l&apos;Observatoire des mines et des armes à sous-munitions)</translation>
    </message>
    <message>
        <source>Any category</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <source>Any region</source>
        <translation>Toutes les régions</translation>
    </message>
</context>
<context>
    <name>StatesTableModel</name>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>ISO</source>
        <translation>ISO</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Région</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <source>Stance</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>Dernier contact</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Prochain suivi</translation>
    </message>
    <message>
        <source>Open démarches</source>
        <translation>Démarches ouvertes</translation>
    </message>
</context>
<context>
    <name>UntcImportDialog</name>
    <message>
        <source>signed {0}</source>
        <translation>signature {0}</translation>
    </message>
    <message>
        <source>Import treaty status from the UN Treaty Collection</source>
        <translation>Importer l&apos;état du traité depuis la Collection des traités des Nations Unies</translation>
    </message>
    <message>
        <source>The status table saved as CSV, or pasted into a text file</source>
        <translation>Le tableau d&apos;état enregistré en CSV ou collé dans un fichier texte</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>Status table:</source>
        <translation>Tableau d&apos;état :</translation>
    </message>
    <message>
        <source>Treaty:</source>
        <translation>Traité :</translation>
    </message>
    <message>
        <source>What the import would change</source>
        <translation>Ce que l&apos;importation changerait</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Listed as</source>
        <translation>Nom inscrit</translation>
    </message>
    <message>
        <source>In Outreach now</source>
        <translation>Actuellement dans Outreach</translation>
    </message>
    <message>
        <source>After the import</source>
        <translation>Après l&apos;importation</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Appliquer</translation>
    </message>
    <message>
        <source>Save the treaty&apos;s status table from the UN Treaty Collection (Participant, Signature, Ratification…) as CSV or text, then choose it. Nothing changes until you apply.</source>
        <translation>Enregistrez le tableau d&apos;état du traité tiré de la Collection des traités des Nations Unies (Participant, Signature, Ratification…) en CSV ou en texte, puis choisissez-le. Rien ne change tant que vous n&apos;avez pas appliqué l&apos;importation.</translation>
    </message>
    <message>
        <source>Status table</source>
        <translation>Tableau d&apos;état</translation>
    </message>
    <message>
        <source>Tables (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>Tableaux (*.csv *.tsv *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>New participations ({0})</source>
        <translation>Nouvelles participations ({0})</translation>
    </message>
    <message>
        <source>Changed ({0})</source>
        <translation>Modifiées ({0})</translation>
    </message>
    <message>
        <source>No longer listed: outside the treaty after the import ({0})</source>
        <translation>Ne figurent plus au tableau : hors traité après l&apos;importation ({0})</translation>
    </message>
    <message>
        <source>Not listed, withdrawal recorded: left as they are ({0})</source>
        <translation>Absents du tableau, retrait consigné : laissés tels quels ({0})</translation>
    </message>
    <message>
        <source>Names that match no state: not imported ({0})</source>
        <translation>Noms ne correspondant à aucun État : non importés ({0})</translation>
    </message>
    <message>
        <source>line {0}</source>
        <translation>ligne {0}</translation>
    </message>
    <message>
        <source>Rows not read ({0})</source>
        <translation>Lignes non lues ({0})</translation>
    </message>
    <message>
        <source>{0}: {1} participants read, {2} unchanged; {3} new, {4} changed, {5} no longer listed.</source>
        <translation>{0} : {1} participants lus, {2} inchangés; {3} nouveaux, {4} modifiés, {5} qui ne figurent plus au tableau.</translation>
    </message>
    <message>
        <source>Names that match no state, not imported: {0}.</source>
        <translation>Noms ne correspondant à aucun État, non importés : {0}.</translation>
    </message>
    <message>
        <source>{0} states would leave the treaty: is the table complete?</source>
        <translation>{0} États quitteraient le traité : le tableau est-il complet?</translation>
    </message>
    <message>
        <source>Outreach already agrees with this table.</source>
        <translation>Outreach concorde déjà avec ce tableau.</translation>
    </message>
    <message>
        <source> (withdrawal kept)</source>
        <translation> (retrait conservé)</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>hors traité</translation>
    </message>
    <message>
        <source>Take {0} states out of {1}?</source>
        <translation>Retirer {0} États du traité {1}?</translation>
    </message>
    <message>
        <source>This table would take {0} out of {1}: they would be recorded as outside the treaty. A status table lists every participant, so one that drops so many is probably incomplete (a partial copy, the header alone).

Apply it anyway?</source>
        <translation>Ce tableau retirerait {0} du traité {1} : ils seraient consignés comme hors traité. Un tableau d&apos;état énumère tous les participants; un tableau qui en retire autant est donc probablement incomplet (copie partielle, en-tête seul).

L&apos;appliquer quand même?</translation>
    </message>
    <message>
        <source>Recording the {0} status…</source>
        <translation>Enregistrement de l&apos;état du traité {0}…</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Importation annulée; rien n&apos;a été modifié.</translation>
    </message>
</context>
<context>
    <name>WorldMapPanel</name>
    <message>
        <source>Colour the map by</source>
        <extracomment>the choice changed: &quot;&quot; for the treaty status, else a category&apos;s slug</extracomment>
        <translation>Colorer la carte selon</translation>
    </message>
    <message>
        <source>Treaty status</source>
        <translation>Statut envers le traité</translation>
    </message>
    <message>
        <source>State under the pointer</source>
        <translation>État sous le pointeur</translation>
    </message>
    <message>
        <source>Colour &amp;by:</source>
        <translation>Colorer &amp;selon :</translation>
    </message>
    <message>
        <source>Category: {0}</source>
        <translation>Catégorie : {0}</translation>
    </message>
    <message>
        <source>Point at a state, or Tab to the map and use the arrow keys, for its status; click it or press Enter to open it.</source>
        <translation>Pointez un État, ou allez à la carte avec Tab et utilisez les flèches, pour voir son statut ; cliquez-le ou appuyez sur Entrée pour l&apos;ouvrir.</translation>
    </message>
</context>
<context>
    <name>WorldMapView</name>
    <message>
        <source>World map</source>
        <extracomment>a small state&apos;s dot, in pixels on screen an item&apos;s data slot holding its state&apos;s ISO code one priority category as the map&apos;s choice offers it: slug, name, colour what the map says of the state under the pointer (&quot;&quot; when none)</extracomment>
        <translation>Carte du monde</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nouveau</translation>
    </message>
    <message>
        <source>Add a record to the list in view</source>
        <translation>Ajouter un enregistrement à la liste affichée</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>&amp;Ouvrir une base de données…</translation>
    </message>
    <message>
        <source>Open another database: a file, or the desk&apos;s server</source>
        <translation>Ouvrir une autre base de données : un fichier ou le serveur de la direction</translation>
    </message>
    <message>
        <source>New data&amp;base…</source>
        <translation>Nouvelle &amp;base de données…</translation>
    </message>
    <message>
        <source>Make a new database file with the reference data</source>
        <translation>Créer un fichier de base de données contenant les données de référence</translation>
    </message>
    <message>
        <source>Restore from b&amp;ackup…</source>
        <translation>Restaurer une &amp;sauvegarde…</translation>
    </message>
    <message>
        <source>Put a backup of this database file in its place</source>
        <translation>Remplacer ce fichier de base de données par l&apos;une de ses sauvegardes</translation>
    </message>
    <message>
        <source>&amp;Encrypt this database…</source>
        <translation>&amp;Chiffrer cette base de données…</translation>
    </message>
    <message>
        <source>Encrypt the file with a passphrase (PROTECTED data)</source>
        <translation>Chiffrer le fichier avec une phrase de passe (données PROTÉGÉES)</translation>
    </message>
    <message>
        <source>&amp;Decrypt this database…</source>
        <translation>&amp;Déchiffrer cette base de données…</translation>
    </message>
    <message>
        <source>Store the encrypted file unencrypted again</source>
        <translation>Enregistrer de nouveau le fichier chiffré sans chiffrement</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save the edits in view</source>
        <translation>Enregistrer les modifications affichées</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Undo the last change</source>
        <translation>Annuler la dernière modification</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Redo the change undone</source>
        <translation>Rétablir la modification annulée</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Rec&amp;hercher</translation>
    </message>
    <message>
        <source>Filter the list in view</source>
        <translation>Filtrer la liste affichée</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>Rechercher &amp;partout…</translation>
    </message>
    <message>
        <source>Find states, contacts, démarches, log entries and more</source>
        <translation>Rechercher des États, des contacts, des démarches, des entrées du journal, et plus encore</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Print the selected state&apos;s briefing sheet or meeting&apos;s pack</source>
        <translation>Imprimer la fiche d&apos;information de l&apos;État sélectionné ou le dossier de la réunion sélectionnée</translation>
    </message>
    <message>
        <source>Print se&amp;ttings…</source>
        <translation>Para&amp;mètres d&apos;impression…</translation>
    </message>
    <message>
        <source>Paper size, security marking and officer</source>
        <translation>Format du papier, cote de sécurité et agent</translation>
    </message>
    <message>
        <source>Print stat&amp;us report…</source>
        <translation>Imprimer le rapport de sit&amp;uation…</translation>
    </message>
    <message>
        <source>The director&apos;s report: the curve, the map, what moved, démarches delivered, overdue follow-ups and the next meetings</source>
        <translation>Le rapport pour la direction : la courbe, la carte, ce qui a bougé, les démarches remises, les suivis en retard et les prochaines réunions</translation>
    </message>
    <message>
        <source>Export &amp;calendar…</source>
        <translation>E&amp;xporter le calendrier…</translation>
    </message>
    <message>
        <source>Write meetings, interventions and due dates to .ics</source>
        <translation>Écrire les réunions, les interventions et les échéances dans un fichier .ics</translation>
    </message>
    <message>
        <source>Treaty &amp;status from the UN Treaty Collection…</source>
        <translation>&amp;Statut des traités (Collection des traités de l&apos;ONU)…</translation>
    </message>
    <message>
        <source>Update participations from a UNTC table</source>
        <translation>Mettre à jour les participations à partir d&apos;un tableau de l&apos;UNTC</translation>
    </message>
    <message>
        <source>&amp;Contacts from CSV…</source>
        <translation>&amp;Contacts depuis un fichier CSV…</translation>
    </message>
    <message>
        <source>Add contacts from a spreadsheet</source>
        <translation>Ajouter des contacts à partir d&apos;une feuille de calcul</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Close Outreach</source>
        <translation>Fermer Outreach</translation>
    </message>
    <message>
        <source>&amp;Log a contact…</source>
        <translation>&amp;Consigner un contact…</translation>
    </message>
    <message>
        <source>Record a call, meeting or message</source>
        <translation>Consigner un appel, une réunion ou un message</translation>
    </message>
    <message>
        <source>Plan a &amp;démarche…</source>
        <translation>Planifier une &amp;démarche…</translation>
    </message>
    <message>
        <source>Plan a formal approach to a state</source>
        <translation>Planifier une approche officielle auprès d&apos;un État</translation>
    </message>
    <message>
        <source>&amp;Go to state…</source>
        <translation>A&amp;ller à un État…</translation>
    </message>
    <message>
        <source>Jump to a state by name, code or alias</source>
        <translation>Aller directement à un État par son nom, son code ou un autre nom</translation>
    </message>
    <message>
        <source>Priority &amp;categories…</source>
        <translation>Catégories &amp;prioritaires…</translation>
    </message>
    <message>
        <source>Create and edit categories</source>
        <translation>Créer et modifier des catégories</translation>
    </message>
    <message>
        <source>&amp;Assign to category…</source>
        <translation>&amp;Affecter à une catégorie…</translation>
    </message>
    <message>
        <source>Put the selected state in a category</source>
        <translation>Placer l&apos;État sélectionné dans une catégorie</translation>
    </message>
    <message>
        <source>Find d&amp;uplicate contacts…</source>
        <translation>Trouver les contacts en do&amp;uble…</translation>
    </message>
    <message>
        <source>Review contacts entered twice and merge them</source>
        <translation>Examiner les contacts saisis deux fois et les fusionner</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Delete the selected record (it can be undone)</source>
        <translation>Supprimer l&apos;enregistrement sélectionné (l&apos;opération peut être annulée)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the database again</source>
        <translation>Relire la base de données</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every shortcut of the window</source>
        <translation>Tous les raccourcis de la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>Your choices: the interface language</source>
        <translation>Vos choix : la langue de l&apos;interface</translation>
    </message>
    <message>
        <source>&amp;About Outreach</source>
        <translation>À &amp;propos d&apos;Outreach</translation>
    </message>
    <message>
        <source>About this app</source>
        <translation>À propos de cette application</translation>
    </message>
</context>
<context>
    <name>categories</name>
    <message>
        <source>Assign to category</source>
        <translation>Affecter à une catégorie</translation>
    </message>
    <message>
        <source>Select a state first.</source>
        <translation>Sélectionnez d&apos;abord un État.</translation>
    </message>
    <message>
        <source>There is no manual category yet: create one under Priority categories.</source>
        <translation>Il n&apos;y a encore aucune catégorie manuelle : créez-en une sous «&#xa0;Catégories prioritaires&#xa0;».</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Outreach</source>
        <translation>Outreach</translation>
    </message>
    <message>
        <source>Something went wrong in Outreach</source>
        <translation>Un problème est survenu dans Outreach</translation>
    </message>
    <message>
        <source>Something went wrong in Outreach. It keeps running; the last thing you did may not have been saved.</source>
        <translation>Un problème est survenu dans Outreach. L&apos;application continue de fonctionner; votre dernière action n&apos;a peut-être pas été enregistrée.</translation>
    </message>
    <message>
        <source>The log is in {path}</source>
        <translation>Le fichier journal se trouve dans {path}</translation>
    </message>
    <message>
        <source>No log file could be written.</source>
        <translation>Aucun fichier journal n&apos;a pu être écrit.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>This happened {times} times.</source>
        <translation>Cela s&apos;est produit {times} fois.</translation>
    </message>
</context>
<context>
    <name>states</name>
    <message>
        <source>Obligations</source>
        <translation>Obligations</translation>
    </message>
    <message>
        <source>{0} has no dated obligations: it is not bound by the treaty.</source>
        <translation>{0} n&apos;a aucune obligation datée : cet État n&apos;est pas lié par le traité.</translation>
    </message>
</context>
</TS>
