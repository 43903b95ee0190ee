<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>AccountBadge</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/account_badge.py" line="31"/>
        <source>Not signed in</source>
        <translation>Non connecté(e)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/account_badge.py" line="39"/>
        <source>Signed in as %1 on %2</source>
        <translation>Connecté(e) en tant que %1 sur %2</translation>
    </message>
</context>
<context>
    <name>ActionBar</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="48"/>
        <source>Assign…</source>
        <translation>Assigner…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="49"/>
        <source>Status…</source>
        <translation>Statut…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="50"/>
        <source>Follow-up call…</source>
        <translation>Appel de suivi…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="51"/>
        <source>Meeting…</source>
        <translation>Rencontre…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="52"/>
        <source>Close…</source>
        <translation>Fermer…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="53"/>
        <source>Satisfaction…</source>
        <translation>Satisfaction…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="54"/>
        <source>Merge…</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="55"/>
        <source>Undo merge…</source>
        <translation>Annuler la fusion…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="56"/>
        <source>Add a note…</source>
        <translation>Ajouter une note…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_bar.py" line="70"/>
        <source>Your role does not allow acting on requests.</source>
        <translation>Votre rôle ne permet pas d&apos;agir sur les requêtes.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="68"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="69"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="112"/>
        <source>Assign</source>
        <translation>Assigner</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="114"/>
        <source>A department</source>
        <translation>Un service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="115"/>
        <source>A person</source>
        <translation>Une personne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="117"/>
        <source>Assign to:</source>
        <translation>Assigner à :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="121"/>
        <source>Department, or the person&apos;s user name</source>
        <translation>Service, ou nom d&apos;utilisateur de la personne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="123"/>
        <source>Who:</source>
        <translation>Qui :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="128"/>
        <source>Change the status</source>
        <translation>Changer le statut</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="129"/>
        <source>New status:</source>
        <translation>Nouveau statut :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="130"/>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="189"/>
        <source>Why (optional):</source>
        <translation>Pourquoi (facultatif) :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="135"/>
        <source>Log a follow-up call</source>
        <translation>Consigner un appel de suivi</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="136"/>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="137"/>
        <source>Outcome:</source>
        <translation>Résultat :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="138"/>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="195"/>
        <source>Note:</source>
        <translation>Note :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="144"/>
        <source>Meeting with the councillor</source>
        <translation>Rencontres avec l&apos;élu</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="146"/>
        <source>Meeting:</source>
        <translation>Rencontre :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="150"/>
        <source>Date:</source>
        <translation>Date :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="152"/>
        <source>Councillor:</source>
        <translation>Conseiller ou conseillère :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="155"/>
        <source>City official:</source>
        <translation>Fonctionnaire :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="158"/>
        <source>Outcome (when held):</source>
        <translation>Ce qui a été convenu (si tenue) :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="163"/>
        <source>Close the request</source>
        <translation>Fermer la requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="164"/>
        <source>How it was settled:</source>
        <translation>Comment elle a été réglée :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="169"/>
        <source>Citizen satisfaction</source>
        <translation>Satisfaction du citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="174"/>
        <source>Score (1 to 5):</source>
        <translation>Note (1 à 5) :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="175"/>
        <source>Comment:</source>
        <translation>Commentaire :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="180"/>
        <source>Merge into another request</source>
        <translation>Fusionner dans une autre requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="183"/>
        <source>Reference of the request to keep:</source>
        <translation>Numéro de la requête à conserver :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="188"/>
        <source>Undo the merge</source>
        <translation>Annuler la fusion</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/action_dialogs.py" line="194"/>
        <source>Add a note</source>
        <translation>Ajouter une note</translation>
    </message>
</context>
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="64"/>
        <source>e.g. ecocentre-horaire (lowercase, hyphens)</source>
        <translation>p. ex. ecocentre-horaire (minuscules, traits d&apos;union)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="71"/>
        <source>comma-separated words agents type</source>
        <translation>mots que tapent les agents, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="74"/>
        <source>request categories, e.g. nid-de-poule</source>
        <translation>catégories de requête, p. ex. nid-de-poule</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="76"/>
        <source>Taxonomy codes: the request opened from this sheet, and its deadline check</source>
        <translation>Codes de la taxonomie : la requête ouverte depuis cette fiche, et la vérification de son délai</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="79"/>
        <source>Urgent notice (shown in every workstation&apos;s banner)</source>
        <translation>Avis urgent (affiché dans le bandeau de tous les postes)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="80"/>
        <source>Publish at</source>
        <translation>Publier le</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="82"/>
        <source>Ends at</source>
        <translation>Fin le</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="94"/>
        <source>## What to tell the citizen
…</source>
        <translation>## À dire au citoyen
…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="97"/>
        <source>Link to another sheet: type to search…</source>
        <translation>Lien vers une autre fiche : tapez pour chercher…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="116"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="117"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="118"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="119"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="120"/>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="121"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="128"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="129"/>
        <source>Review by</source>
        <translation>À réviser avant le</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="131"/>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="133"/>
        <source>Publish now</source>
        <translation>Publier maintenant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="136"/>
        <source>Schedule</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="137"/>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="138"/>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="159"/>
        <source>Body (Markdown)</source>
        <translation>Texte (Markdown)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="169"/>
        <source>Preview: the sheet as agents will see it</source>
        <translation>Aperçu : la fiche telle que les agents la verront</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="54"/>
        <source>Copy the answer</source>
        <translation>Copier la réponse</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="56"/>
        <source>Copy the article&apos;s text to paste it in an e-mail (Ctrl+Shift+C)</source>
        <translation>Copier le texte de la fiche pour le coller dans un courriel (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="76"/>
        <source>Useful</source>
        <translation>Utile</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="78"/>
        <source>Tell the editors this sheet helped</source>
        <translation>Dire aux rédacteurs que cette fiche a aidé</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="79"/>
        <source>Needs a fix…</source>
        <translation>À corriger…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="81"/>
        <source>Tell the editors what is wrong or missing</source>
        <translation>Dire aux rédacteurs ce qui est faux ou manquant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="104"/>
        <source>Thank you: sent to the editors at the next sync.</source>
        <translation>Merci : transmis aux rédacteurs à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="106"/>
        <source>Marked as useful.</source>
        <translation>Marquée comme utile.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="111"/>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="116"/>
        <source>Answer sheets of the communications service, available offline.</source>
        <translation>Les fiches réponses du Service des communications, disponibles hors ligne.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="124"/>
        <source>search from anywhere</source>
        <translation>rechercher, d&apos;où que vous soyez</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="125"/>
        <source>move in the results</source>
        <translation>se déplacer dans les résultats</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="126"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="126"/>
        <source>open the selected answer sheet</source>
        <translation>ouvrir la fiche choisie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="127"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="127"/>
        <source>back to the search field; again to clear it</source>
        <translation>revenir au champ de recherche; une seconde fois pour le vider</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="128"/>
        <source>copy the open answer</source>
        <translation>copier la réponse affichée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="128"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Maj+C</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="134"/>
        <source>Type the citizen&apos;s own words: accents, typos, plurals and unfinished words are forgiven, and everyday or English words (vidanges, char, garbage) find the official ones.</source>
        <translation>Tapez les mots du citoyen : les accents oubliés, les fautes de frappe, les pluriels et les mots inachevés sont pardonnés, et les mots de tous les jours ou anglais (vidanges, char, garbage) trouvent les termes officiels.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="137"/>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="137"/>
        <source>Tips</source>
        <translation>Conseils</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="159"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="161"/>
        <source>LIFTED</source>
        <translation>LEVÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="163"/>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="165"/>
        <source>TO CHECK</source>
        <translation>À VÉRIFIER</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="173"/>
        <source>lifted on %1</source>
        <translation>levé le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="175"/>
        <source>in force until %1</source>
        <translation>en vigueur jusqu&apos;au %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="178"/>
        <source>expired on %1</source>
        <translation>expiré le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="178"/>
        <source>valid until %1</source>
        <translation>valide jusqu&apos;au %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="183"/>
        <source>to check: review was due on %1</source>
        <translation>à vérifier : révision prévue le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="187"/>
        <source>Notice lifted on %1</source>
        <translation>Avis levé le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="189"/>
        <source>This notice is no longer in force. Do not give it to a citizen as current.</source>
        <translation>Cet avis n&apos;est plus en vigueur. Ne pas le présenter à un citoyen comme actuel.</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/attachments_box.py" line="24"/>
        <source>Attach a photo or a file…</source>
        <translation>Joindre une photo ou un fichier…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/attachments_box.py" line="42"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/attachments_box.py" line="44"/>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.heic *.pdf)</source>
        <translation>Photos et PDF (*.jpg *.jpeg *.png *.heic *.pdf)</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="78"/>
        <source>No data for this period</source>
        <translation>Aucune donnée pour cette période</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/page_layout.py" line="36"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/page_layout.py" line="39"/>
        <source>New (Ctrl+N)</source>
        <translation>Nouvelle (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/submit.py" line="60"/>
        <source>Caller attached to request %1.</source>
        <translation>Citoyen rattaché à la requête %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/submit.py" line="18"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/submit.py" line="27"/>
        <source>Saved: %1</source>
        <translation>Enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/submit.py" line="38"/>
        <source>The request has errors: correct the fields shown in red.</source>
        <translation>La requête contient des erreurs : corrigez les champs en rouge.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/submit.py" line="46"/>
        <source>Not saved.</source>
        <translation>Non enregistrée.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/submit.py" line="83"/>
        <source>Saved: %1 (provisional %2)</source>
        <translation>Enregistrée : %1 (provisoire %2)</translation>
    </message>
</context>
<context>
    <name>CitizenForm</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="43"/>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="45"/>
        <source>Anonymous citizen</source>
        <translation>Citoyen anonyme</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="47"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="48"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="55"/>
        <source>Civic address</source>
        <translation>Adresse civique</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="93"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="95"/>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="96"/>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="106"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/citizen_form.py" line="112"/>
        <source>Follow-up by:</source>
        <translation>Suivi par :</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="29"/>
        <source>Another version was published</source>
        <translation>Une autre version a été publiée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="33"/>
        <source>While you were editing, version %1 of this sheet was published. Nothing was overwritten: compare, then keep your text (it will replace version %1 when you publish) or take the published one (your draft is dropped).</source>
        <translation>Pendant que vous rédigiez, la version %1 de cette fiche a été publiée. Rien n&apos;a été écrasé : comparez, puis gardez votre texte (il remplacera la version %1 quand vous publierez) ou prenez la version publiée (votre brouillon est abandonné).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="50"/>
        <source>only in the published version</source>
        <translation>seulement dans la version publiée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="51"/>
        <source>only in your draft</source>
        <translation>seulement dans votre brouillon</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="56"/>
        <source>Your draft</source>
        <translation>Votre brouillon</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="57"/>
        <source>Published version</source>
        <translation>Version publiée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="58"/>
        <source>Differences</source>
        <translation>Différences</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="65"/>
        <source>Keep my version</source>
        <translation>Garder ma version</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="68"/>
        <source>Take the published version</source>
        <translation>Prendre la version publiée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/conflict_dialog.py" line="71"/>
        <source>Decide later</source>
        <translation>Décider plus tard</translation>
    </message>
</context>
<context>
    <name>DeskPage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="30"/>
        <source>First follow-up due</source>
        <translation>Premier suivi à faire</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="31"/>
        <source>Meeting with the councillor</source>
        <translation>Rencontres avec l&apos;élu</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="32"/>
        <source>Unassigned</source>
        <translation>Non assignées</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="33"/>
        <source>Overdue (category deadline)</source>
        <translation>En retard (délai de la catégorie)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="34"/>
        <source>Blocked uploads</source>
        <translation>Envois bloqués</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="60"/>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="139"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="83"/>
        <source>Assign the selection…</source>
        <translation>Assigner la sélection…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="101"/>
        <source>Department:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="104"/>
        <source>District:</source>
        <translation>District :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="116"/>
        <source>Queues</source>
        <translation>Files d&apos;attente</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="171"/>
        <source>Server time %1</source>
        <translation>Heure du serveur : %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="185"/>
        <source>%n request(s) in this queue</source>
        <translation>
            <numerusform>%n requête dans cette file</numerusform>
            <numerusform>%n requêtes dans cette file</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="186"/>
        <source>%1 shown</source>
        <translation>%1 affichées</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="216"/>
        <source>Select one or more requests first.</source>
        <translation>Sélectionnez d&apos;abord une ou plusieurs requêtes.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/supervision/desk_page.py" line="218"/>
        <source>%n request(s) selected</source>
        <translation>
            <numerusform>%n requête sélectionnée</numerusform>
            <numerusform>%n requêtes sélectionnées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftOffer</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/draft_offer.py" line="22"/>
        <source>Resume it</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/draft_offer.py" line="24"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/draft_offer.py" line="33"/>
        <source>An unsaved request was found from your last session.</source>
        <translation>Une requête non enregistrée a été retrouvée de votre dernière session.</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="76"/>
        <source>Sheets</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="77"/>
        <source>All sheets</source>
        <translation>Toutes les fiches</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="78"/>
        <source>Corrections</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="79"/>
        <source>Searches without an answer</source>
        <translation>Recherches sans réponse</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="88"/>
        <source>New sheet</source>
        <translation>Nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="91"/>
        <source>Open a published sheet…</source>
        <translation>Ouvrir une fiche publiée…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="131"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="481"/>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="132"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="482"/>
        <source>waiting for the sync</source>
        <translation>en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="133"/>
        <source>CONFLICT: another version was published</source>
        <translation>CONFLIT : une autre version a été publiée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="134"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="484"/>
        <source>refused by the server</source>
        <translation>refusé par le serveur</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="141"/>
        <source>withdrawal waiting for the sync</source>
        <translation>retrait en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="143"/>
        <source>scheduled for %1</source>
        <translation>programmé pour le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="149"/>
        <source>My drafts (%1)</source>
        <translation>Mes brouillons (%1)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="156"/>
        <source>overdue since %1</source>
        <translation>en retard depuis le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="156"/>
        <source>due on %1</source>
        <translation>à réviser le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="165"/>
        <source>To review (%1 overdue or due within 30 days)</source>
        <translation>À réviser (%1 en retard ou dans les 30 jours)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="185"/>
        <source>Your draft (edited from version %1).</source>
        <translation>Votre brouillon (à partir de la version %1).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="189"/>
        <source>Refused by the server: %1</source>
        <translation>Refusé par le serveur : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="195"/>
        <source>Published version %1.</source>
        <translation>Version publiée %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="198"/>
        <source>Expired since %1: publish it again with a new end.</source>
        <translation>Expiré depuis le %1 : publiez-le de nouveau avec une nouvelle fin.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="211"/>
        <source>Your version is kept: publish it to replace version %1.</source>
        <translation>Votre version est conservée : publiez-la pour remplacer la version %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="218"/>
        <source>Published version kept.</source>
        <translation>Version publiée conservée.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="246"/>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="247"/>
        <source>Withdraw « %1 » from every workstation?</source>
        <translation>Retirer « %1 » de tous les postes?</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="254"/>
        <source>Tick « Publish at » and choose the moment first.</source>
        <translation>Cochez d&apos;abord « Publier le » et choisissez le moment.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="263"/>
        <source>Draft saved on this workstation; nobody else sees it yet.</source>
        <translation>Brouillon enregistré sur ce poste; personne d&apos;autre ne le voit encore.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="268"/>
        <source>Contradiction</source>
        <translation>Contradiction</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="269"/>
        <source>This sheet contradicts a category:
%1

Publish anyway?</source>
        <translation>Cette fiche contredit une catégorie :
%1

Publier quand même?</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="306"/>
        <source>Withdrawal sent at the next sync.</source>
        <translation>Retrait envoyé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="312"/>
        <source>Scheduled for %1; sent to the server now.</source>
        <translation>Programmé pour le %1; envoyé au serveur maintenant.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="316"/>
        <source>Publishing: every workstation will have it at its next sync.</source>
        <translation>Publication en cours : chaque poste l&apos;aura à sa prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="328"/>
        <source>Published: version %1 on the server.</source>
        <translation>Publié : version %1 sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="334"/>
        <source>Sheet and correction asked</source>
        <translation>Fiche et correction demandée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="334"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="334"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="338"/>
        <source>Open the sheet</source>
        <translation>Ouvrir la fiche</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="340"/>
        <source>Mark as handled</source>
        <translation>Marquer comme traitée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="342"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="357"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="439"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="374"/>
        <source>%n correction(s) to handle</source>
        <translation>
            <numerusform>%n correction à traiter</numerusform>
            <numerusform>%n corrections à traiter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="403"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="406"/>
        <source>Searched, nothing found</source>
        <translation>Recherché, rien trouvé</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="406"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="408"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="409"/>
        <source>Times</source>
        <translation>Fois</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="408"/>
        <source>Searched, no sheet opened</source>
        <translation>Recherché, aucune fiche ouverte</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="409"/>
        <source>Most opened sheets</source>
        <translation>Fiches les plus consultées</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="411"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="413"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="423"/>
        <source>What agents searched on every workstation (the words only: no name, no workstation). Write the sheets agents look for and do not find.</source>
        <translation>Ce que les agents ont cherché sur tous les postes (les mots seulement : ni nom ni poste). Rédigez les fiches que les agents cherchent sans les trouver.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="450"/>
        <source>%n search(es) in the period</source>
        <translation>
            <numerusform>%n recherche dans la période</numerusform>
            <numerusform>%n recherches dans la période</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="457"/>
        <source>Unavailable: %1</source>
        <translation>Indisponible : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="472"/>
        <source>Sheet</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="472"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="472"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="472"/>
        <source>Review by</source>
        <translation>À réviser avant le</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="483"/>
        <source>conflict</source>
        <translation>conflit</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="485"/>
        <source>scheduled</source>
        <translation>programmée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="486"/>
        <source>published</source>
        <translation>publiée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="487"/>
        <source>expired</source>
        <translation>expirée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="488"/>
        <source>withdrawn</source>
        <translation>retirée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="498"/>
        <source>%1 (overdue)</source>
        <translation>%1 (en retard)</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="38"/>
        <source>History of the sheet</source>
        <translation>Historique de la fiche</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="41"/>
        <source>Loading the versions…</source>
        <translation>Chargement des versions…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="49"/>
        <source>Restore the older version as a new one</source>
        <translation>Republier l&apos;ancienne version comme nouvelle version</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="52"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="55"/>
        <source>Compare</source>
        <translation>Comparer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="57"/>
        <source>with</source>
        <translation>avec</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="73"/>
        <source>version %1 — %2 — %3</source>
        <translation>version %1 — %2 — %3</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="82"/>
        <source>This sheet has no published version yet.</source>
        <translation>Cette fiche n&apos;a encore aucune version publiée.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="86"/>
        <source>%1: %n published version(s)</source>
        <translation>
            <numerusform>%1 : %n version publiée</numerusform>
            <numerusform>%1 : %n versions publiées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="98"/>
        <source>History unavailable: %1</source>
        <translation>Historique indisponible : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="110"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="111"/>
        <source>only in version %1</source>
        <translation>seulement dans la version %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="123"/>
        <source>Restore</source>
        <translation>Republier</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="124"/>
        <source>Publish version %1 again as a new version?</source>
        <translation>Republier la version %1 comme nouvelle version?</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/history_dialog.py" line="141"/>
        <source>Version %1 published again as version %2.</source>
        <translation>Version %1 republiée comme version %2.</translation>
    </message>
</context>
<context>
    <name>IndexProgressLine</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/index_progress.py" line="41"/>
        <source>Search already works on the articles indexed; the others are being added.</source>
        <extracomment>True when a build starts, False when it ends (the status bar says the same).</extracomment>
        <translation>La recherche fonctionne déjà sur les fiches indexées ; les autres s&apos;ajoutent.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/index_progress.py" line="55"/>
        <source>Index: %1 of %2 articles…</source>
        <translation>Index : %1 fiches sur %2…</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="61"/>
        <source>Search the knowledge base (Ctrl+K)</source>
        <translation>Rechercher dans la base de connaissances (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="68"/>
        <source>Show only one department&apos;s articles</source>
        <translation>N&apos;afficher que les fiches d&apos;un service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="69"/>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="74"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="74"/>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="74"/>
        <source>LIFTED</source>
        <translation>LEVÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="74"/>
        <source>TO CHECK</source>
        <translation>À VÉRIFIER</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="103"/>
        <source>Department:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="165"/>
        <source>Recently viewed</source>
        <translation>Consultés récemment</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="165"/>
        <source>Latest updates</source>
        <translation>Mises à jour récentes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="167"/>
        <source>Notices in force, then %1</source>
        <translation>Avis en vigueur, puis %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="200"/>
        <source>No such notice is in force now: « %2 » was lifted on %1.</source>
        <translation>Aucun avis de ce genre n&apos;est en vigueur : « %2 » a été levé le %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="207"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="210"/>
        <source>spelling corrected: %1</source>
        <translation>orthographe corrigée : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="212"/>
        <source>in titles only, the search index is not ready</source>
        <translation>dans les titres seulement, l&apos;index de recherche n&apos;est pas prêt</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="216"/>
        <source>No answer sheet found. Try other words or check the spelling.</source>
        <translation>Aucune fiche trouvée. Essayez d&apos;autres mots ou vérifiez l&apos;orthographe.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="303"/>
        <source>This article was withdrawn from the knowledge base.</source>
        <translation>Cette fiche a été retirée de la base de connaissances.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="319"/>
        <source>Needs a fix</source>
        <translation>À corriger</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="320"/>
        <source>What is wrong or missing in this sheet?</source>
        <translation>Qu&apos;est-ce qui est faux ou manquant dans cette fiche?</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="23"/>
        <source>Connect to the central server</source>
        <translation>Connexion au serveur central</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="35"/>
        <source>Server:</source>
        <translation>Serveur :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="36"/>
        <source>User name:</source>
        <translation>Nom d&apos;utilisateur :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="37"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="41"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="42"/>
        <source>Work offline</source>
        <translation>Travailler hors ligne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="46"/>
        <source>Everything already on this workstation stays usable offline.</source>
        <translation>Tout ce qui est déjà sur ce poste reste utilisable hors ligne.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="61"/>
        <source>Fill in the server, the user name and the password.</source>
        <translation>Indiquez le serveur, le nom d&apos;utilisateur et le mot de passe.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/login_dialog.py" line="64"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="52"/>
        <source>PAC SAC — Citizen services</source>
        <translation>PAC SAC — Service aux citoyens</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="59"/>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="63"/>
        <source>New request (Ctrl+N)</source>
        <translation>Nouvelle requête (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="65"/>
        <source>Requests</source>
        <translation>Requêtes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="75"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="117"/>
        <source>Checking the search index…</source>
        <translation>Vérification de l&apos;index de recherche…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="145"/>
        <source>Supervisor&apos;s desk</source>
        <translation>Pupitre du superviseur</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="204"/>
        <source>Authoring</source>
        <translation>Rédaction</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="243"/>
        <source>Search index being built…</source>
        <translation>Index de recherche en construction…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="265"/>
        <source>Unsaved request</source>
        <translation>Requête non enregistrée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="266"/>
        <source>The request on the form has not been saved.</source>
        <translation>La requête en cours de saisie n&apos;a pas été enregistrée.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="268"/>
        <source>Keep it as a draft, offered back at the next start, or quit without it?</source>
        <translation>La garder comme brouillon, proposé au prochain démarrage, ou quitter sans l&apos;enregistrer?</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="271"/>
        <source>Save the draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="273"/>
        <source>Quit without saving</source>
        <translation>Quitter sans enregistrer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="275"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="223"/>
        <source>%n article(s) in the local knowledge base</source>
        <translation>
            <numerusform>%n fiche dans la base de connaissances locale</numerusform>
            <numerusform>%n fiches dans la base de connaissances locale</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="232"/>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="243"/>
        <source>Search index up to date</source>
        <translation>Index de recherche à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="233"/>
        <source>Search index updated</source>
        <translation>Index de recherche mis à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="234"/>
        <source>Search index rebuilt</source>
        <translation>Index de recherche reconstruit</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="249"/>
        <source>Search index unavailable</source>
        <translation>Index de recherche indisponible</translation>
    </message>
</context>
<context>
    <name>QuestionsForm</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/questions.py" line="56"/>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/questions.py" line="60"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/questions.py" line="61"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="31"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="33"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="34"/>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="35"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="36"/>
        <source>District</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="37"/>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="38"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="39"/>
        <source>Assigned to</source>
        <translation>Assignée à</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="40"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="182"/>
        <source>%1 left</source>
        <translation>reste %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/supervision/queue_model.py" line="32"/>
        <source>Due</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="101"/>
        <source>Receipt %1</source>
        <translation>Accusé de réception %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="76"/>
        <source>Copy the text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="80"/>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="82"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="84"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="118"/>
        <source>Save the receipt</source>
        <translation>Enregistrer l&apos;accusé de réception</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="158"/>
        <source>Show report</source>
        <translation>Afficher le rapport</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="163"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="165"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="168"/>
        <source>Choose a period, then show the report.</source>
        <translation>Choisissez une période, puis affichez le rapport.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="173"/>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="174"/>
        <source>Export Excel</source>
        <translation>Exporter en Excel</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="175"/>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="199"/>
        <source>Requests received</source>
        <translation>Requêtes reçues</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="200"/>
        <source>Complaints followed up within 24 hours</source>
        <translation>Plaintes suivies en 24 heures</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="201"/>
        <source>Time to first follow-up (median)</source>
        <translation>Délai du premier suivi (médiane)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="202"/>
        <source>Resolved within the category deadline</source>
        <translation>Réglées dans le délai de la catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="203"/>
        <source>Resolved at the first contact</source>
        <translation>Réglées dès le premier contact</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="204"/>
        <source>Repeat complaints (meeting required)</source>
        <translation>Plaintes répétées (rencontre requise)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="205"/>
        <source>Meetings held</source>
        <translation>Rencontres tenues</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="206"/>
        <source>Satisfaction (out of 5)</source>
        <translation>Satisfaction (sur 5)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="210"/>
        <source>Requests per month</source>
        <translation>Requêtes par mois</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="211"/>
        <source>Satisfaction answers per score</source>
        <translation>Réponses au sondage par note</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="212"/>
        <source>Requests per nature</source>
        <translation>Requêtes par nature</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="213"/>
        <source>Requests per channel</source>
        <translation>Requêtes par canal</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="227"/>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="230"/>
        <source>All districts</source>
        <translation>Tous les districts</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="233"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="236"/>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="239"/>
        <source>All natures</source>
        <translation>Toutes les natures</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="273"/>
        <source>Computing the report on the server…</source>
        <translation>Calcul du rapport sur le serveur…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="280"/>
        <source>Reports are reserved for supervisors.</source>
        <translation>Les rapports sont réservés aux superviseurs.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="291"/>
        <source>%1 complaints</source>
        <translation>dont %1 plaintes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="295"/>
        <source>%1 of %2 complaints</source>
        <translation>%1 plaintes sur %2</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="301"/>
        <source>90th percentile: %1</source>
        <translation>90e centile : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="307"/>
        <source>Median time to resolve: %1</source>
        <translation>Délai médian de règlement : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="312"/>
        <source>%1 requests</source>
        <translation>%1 requêtes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="319"/>
        <source>%1 answers, response rate %2</source>
        <translation>%1 réponses, taux de réponse %2</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="332"/>
        <source>Report from %1 to %2.</source>
        <translation>Rapport du %1 au %2.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="342"/>
        <source>CSV file (*.csv)</source>
        <translation>Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="343"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="344"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="348"/>
        <source>Export the report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="358"/>
        <source>Report saved: %1</source>
        <translation>Rapport enregistré : %1</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="39"/>
        <source>%1 (provisional %2)</source>
        <translation>%1 (provisoire %2)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="41"/>
        <source>%1 (provisional)</source>
        <translation>%1 (provisoire)</translation>
    </message>
</context>
<context>
    <name>RequestDetailView</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="57"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="79"/>
        <source>Choose a request in the list.</source>
        <translation>Choisissez une requête dans la liste.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="100"/>
        <source>(not sent yet)</source>
        <translation>(pas encore transmis)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="110"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="110"/>
        <source>By</source>
        <translation>Par</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="110"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="131"/>
        <source>Sync</source>
        <translation>Transmission</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="132"/>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="133"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="134"/>
        <source>Department</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="135"/>
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="136"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="137"/>
        <source>Assigned to</source>
        <translation>Assignée à</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="143"/>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="143"/>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="146"/>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="148"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="149"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="160"/>
        <source>Meeting</source>
        <translation>Rencontre</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="162"/>
        <source>Merged into</source>
        <translation>Fusionnée dans</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="163"/>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="165"/>
        <source>Satisfaction</source>
        <translation>Satisfaction</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="167"/>
        <source>Also known as</source>
        <translation>Aussi connue sous</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="180"/>
        <source>done on %1</source>
        <translation>fait le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="181"/>
        <source>First follow-up</source>
        <translation>Premier suivi</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="184"/>
        <source>First follow-up due</source>
        <translation>Premier suivi au plus tard</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="187"/>
        <source>Category deadline</source>
        <translation>Délai de la catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/detail_view.py" line="197"/>
        <source>%1 left</source>
        <translation>reste %1</translation>
    </message>
</context>
<context>
    <name>RequestForm</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="45"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="59"/>
        <source>Type a few letters: nid, lampadaire, collecte…</source>
        <translation>Tapez quelques lettres : nid, lampadaire, collecte…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="75"/>
        <source>Civic address or intersection of the problem</source>
        <translation>Adresse civique ou intersection du problème</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="78"/>
        <source>What the citizen reports, in their words</source>
        <translation>Ce que le citoyen signale, dans ses mots</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="83"/>
        <source>Resolved at first contact (answered from the KB) — Ctrl+R</source>
        <translation>Réglée au premier contact (réponse de la base de connaissances) — Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="103"/>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="105"/>
        <source>Nature:</source>
        <translation>Nature :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="111"/>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="113"/>
        <source>Location:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="114"/>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="117"/>
        <source>Attachments:</source>
        <translation>Pièces jointes :</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="171"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="173"/>
        <source>no deadline</source>
        <translation>sans délai</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/request_form.py" line="175"/>
        <source>deadline</source>
        <translation>délai</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/requests_page.py" line="40"/>
        <source>Reference, provisional number, citizen&apos;s name, phone, e-mail or address</source>
        <translation>Numéro, numéro provisoire, nom du citoyen, téléphone, courriel ou adresse</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/requests_page.py" line="53"/>
        <source>Search results</source>
        <translation>Résultats</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/requests_page.py" line="54"/>
        <source>My requests</source>
        <translation>Mes requêtes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/requests_page.py" line="55"/>
        <source>This station</source>
        <translation>Ce poste</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/requests/requests_page.py" line="120"/>
        <source>%n request(s) found</source>
        <translation>
            <numerusform>%n requête trouvée</numerusform>
            <numerusform>%n requêtes trouvées</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/requests_page.py" line="143"/>
        <source>This request is not on this station.</source>
        <translation>Cette requête n&apos;est pas sur ce poste.</translation>
    </message>
</context>
<context>
    <name>SidePanel</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="50"/>
        <source>Record this call as a complaint</source>
        <translation>Consigner cet appel comme plainte</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="63"/>
        <source>Enter or double-click: attach this caller to that request</source>
        <translation>Entrée ou double-clic : rattacher ce citoyen à cette requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="79"/>
        <source>Possible duplicates (same place, last 30 days)</source>
        <translation>Doublons possibles (même lieu, 30 derniers jours)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="80"/>
        <source>Caller history</source>
        <translation>Historique du citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="81"/>
        <source>Answer sheets for this category</source>
        <translation>Fiches de cette catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="89"/>
        <source>the district councillor</source>
        <translation>le conseiller ou la conseillère du district</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="90"/>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="93"/>
        <source>Second complaint from this citizen on this subject (earlier: %1). A meeting with %2%3 and a city official is mandatory; it will be scheduled when you save.</source>
        <translation>Deuxième plainte de ce citoyen sur ce sujet (plainte antérieure : %1). Une rencontre avec %2%3 et un fonctionnaire de la Ville est obligatoire; elle sera planifiée à l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="107"/>
        <source>This caller already has an open request on this subject: %1 (%2, %3, %4).</source>
        <translation>Cette personne a déjà une requête ouverte sur ce sujet : %1 (%2, %3, %4).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/side_panel.py" line="116"/>
        <source>This call is recorded as a complaint.</source>
        <translation>Cet appel est consigné comme plainte.</translation>
    </message>
</context>
<context>
    <name>StartupCheck</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/app.py" line="89"/>
        <location filename="../../src/pac_sac_desktop/ui/app.py" line="126"/>
        <source>Local database</source>
        <translation>Base de données locale</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/app.py" line="95"/>
        <source>The damaged file was kept aside: %1</source>
        <translation>Le fichier endommagé a été mis de côté : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/app.py" line="103"/>
        <source>Newest backup: %1.</source>
        <translation>Copie la plus récente : %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/app.py" line="108"/>
        <source>Restore the backup</source>
        <translation>Restaurer la copie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/app.py" line="112"/>
        <source>Start with an empty database</source>
        <translation>Repartir d&apos;une base vide</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/app.py" line="116"/>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
</context>
<context>
    <name>SummaryList</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/summary_list.py" line="19"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/summary_list.py" line="20"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/summary_list.py" line="21"/>
        <source>Nature</source>
        <translation>Nature</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/summary_list.py" line="22"/>
        <source>Category</source>
        <translation>Catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/summary_list.py" line="23"/>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/summary_list.py" line="24"/>
        <source>Place</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/requests/summary_list.py" line="25"/>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="134"/>
        <source>last sync: %1</source>
        <translation>dernière synchro : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="136"/>
        <source>never synchronised</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="137"/>
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>%n élément en attente</numerusform>
            <numerusform>%n éléments en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="139"/>
        <source>Not connected to a server</source>
        <translation>Non connecté à un serveur</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="141"/>
        <source>Synchronising…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="143"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="145"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="147"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="150"/>
        <source>%n refused by the server</source>
        <translation>
            <numerusform>%n refusé par le serveur</numerusform>
            <numerusform>%n refusés par le serveur</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UrgentBanner</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/urgent_banner.py" line="73"/>
        <source>Urgent notices:</source>
        <translation>Avis urgents :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/urgent_banner.py" line="78"/>
        <source>Lifted on %1:</source>
        <translation>Levé le %1 :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/urgent_banner.py" line="82"/>
        <source>No longer in force</source>
        <translation>Plus en vigueur</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="21"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="22"/>
        <source>&amp;Import articles…</source>
        <translation>&amp;Importer des fiches…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="26"/>
        <source>&amp;Connect to the server…</source>
        <translation>Se &amp;connecter au serveur…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="29"/>
        <source>S&amp;ynchronise now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="34"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="38"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="39"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="44"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="50"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="51"/>
        <source>&amp;About PAC SAC</source>
        <translation>À &amp;propos de PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="56"/>
        <source>Folder of Markdown articles</source>
        <translation>Dossier de fiches Markdown</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="61"/>
        <source>Importing…</source>
        <translation>Importation en cours…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="64"/>
        <source>Search index up to date</source>
        <translation>Index de recherche à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="66"/>
        <source>%1 created, %2 updated, %3 unchanged, %4 rejected.</source>
        <translation>%1 créée(s), %2 mise(s) à jour, %3 inchangée(s), %4 rejetée(s).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="72"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="84"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="84"/>
        <source>The new language will be used at the next start.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="90"/>
        <source>About PAC SAC</source>
        <translation>À propos de PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_menus.py" line="92"/>
        <source>PAC SAC Desktop %1
Knowledge base and citizen requests for frontline staff.</source>
        <translation>PAC SAC Desktop %1
Base de connaissances et requêtes citoyennes pour le personnel de première ligne.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/errors.py" line="22"/>
        <source>An unexpected error occurred. The details were written to the log.</source>
        <translation>Une erreur inattendue s&apos;est produite. Les détails ont été écrits dans le journal.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/errors.py" line="33"/>
        <source>PAC SAC</source>
        <translation>PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/errors.py" line="38"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="40"/>
        <source>updated today</source>
        <translation>mis à jour aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="42"/>
        <source>updated yesterday</source>
        <translation>mis à jour hier</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="44"/>
        <source>updated %n day(s) ago</source>
        <translation>
            <numerusform>mis à jour il y a %n jour</numerusform>
            <numerusform>mis à jour il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="47"/>
        <source>updated %n month(s) ago</source>
        <translation>
            <numerusform>mis à jour il y a %n mois</numerusform>
            <numerusform>mis à jour il y a %n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="48"/>
        <source>updated %n year(s) ago</source>
        <translation>
            <numerusform>mis à jour il y a %n an</numerusform>
            <numerusform>mis à jour il y a %n ans</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="83"/>
        <source>overdue by %1</source>
        <translation>en retard de %1</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/account_badge.py" line="14"/>
        <source>Agent</source>
        <translation>Agent(e)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/account_badge.py" line="15"/>
        <source>Supervisor</source>
        <translation>Superviseur(e)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/account_badge.py" line="16"/>
        <source>Editor</source>
        <translation>Éditeur/Éditrice</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/account_badge.py" line="17"/>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
</context>
</TS>
