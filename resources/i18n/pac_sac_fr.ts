<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>ArticleEditor</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="65"/>
        <source>e.g. ecocentre-horaire (lowercase, hyphens)</source>
        <translation>p. ex. ecocentre-horaire (minuscules, traits d&apos;union)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="72"/>
        <source>comma-separated words agents type</source>
        <translation>mots que tapent les agents, séparés par des virgules</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="75"/>
        <source>request categories, e.g. nid-de-poule</source>
        <translation>catégories de requête, p. ex. nid-de-poule</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="77"/>
        <source>Taxonomy codes: the request opened from this sheet, and its deadline check</source>
        <translation>Codes de la taxonomie : la requête ouverte depuis cette fiche, et la vérification de son délai</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="80"/>
        <source>Urgent notice (shown in every workstation&apos;s banner)</source>
        <translation>Avis urgent (affiché dans le bandeau de tous les postes)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="81"/>
        <source>Publish at</source>
        <translation>Publier le</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="83"/>
        <source>Ends at</source>
        <translation>Fin le</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="99"/>
        <source>## What to tell the citizen
…</source>
        <translation>## À dire au citoyen
…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="102"/>
        <source>Link to another sheet: type to search…</source>
        <translation>Lien vers une autre fiche : tapez pour chercher…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="121"/>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="122"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="123"/>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="124"/>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="125"/>
        <source>Categories</source>
        <translation>Catégories</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="126"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="133"/>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="134"/>
        <source>Review by</source>
        <translation>À réviser avant le</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="136"/>
        <source>Save draft</source>
        <translation>Enregistrer le brouillon</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="138"/>
        <source>Publish now</source>
        <translation>Publier maintenant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="141"/>
        <source>Schedule</source>
        <translation>Programmer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="142"/>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="143"/>
        <source>History…</source>
        <translation>Historique…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="164"/>
        <source>Body (Markdown)</source>
        <translation>Texte (Markdown)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/article_editor.py" line="174"/>
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
    <name>CapturePage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="109"/>
        <source>Type a few letters: nid, lampadaire, collecte…</source>
        <translation>Tapez quelques lettres : nid, lampadaire, collecte…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="123"/>
        <source>Anonymous citizen</source>
        <translation>Citoyen anonyme</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="136"/>
        <source>Civic address or intersection of the problem</source>
        <translation>Adresse civique ou intersection du problème</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="139"/>
        <source>What the citizen reports, in their words</source>
        <translation>Ce que le citoyen signale, dans ses mots</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="144"/>
        <source>Resolved at first contact (answered from the KB) — Ctrl+R</source>
        <translation>Réglée au premier contact (réponse de la base de connaissances) — Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="147"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="151"/>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="154"/>
        <source>Nature:</source>
        <translation>Nature :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="155"/>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="158"/>
        <source>Location:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="159"/>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="162"/>
        <source>Attach a photo or a file…</source>
        <translation>Joindre une photo ou un fichier…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="170"/>
        <source>Attachments:</source>
        <translation>Pièces jointes :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="172"/>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="178"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="179"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="180"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="181"/>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="182"/>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="186"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="188"/>
        <source>Follow-up by:</source>
        <translation>Suivi par :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="190"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="194"/>
        <source>New (Ctrl+N)</source>
        <translation>Nouvelle (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="228"/>
        <source>Enter or double-click: attach this caller to that request</source>
        <translation>Entrée ou double-clic : rattacher ce citoyen à cette requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="245"/>
        <source>Possible duplicates (same place, last 30 days)</source>
        <translation>Doublons possibles (même lieu, 30 derniers jours)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="246"/>
        <source>Caller history</source>
        <translation>Historique du citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="247"/>
        <source>Answer sheets for this category</source>
        <translation>Fiches de cette catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="265"/>
        <source>Resume it</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="267"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="353"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="355"/>
        <source>no deadline</source>
        <translation>sans délai</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="357"/>
        <source>deadline</source>
        <translation>délai</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="478"/>
        <source>the district councillor</source>
        <translation>le conseiller ou la conseillère du district</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="479"/>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="482"/>
        <source>Second complaint from this citizen on this subject (earlier: %1). A meeting with %2%3 and a city official is mandatory; it will be scheduled when you save.</source>
        <translation>Deuxième plainte de ce citoyen sur ce sujet (plainte antérieure : %1). Une rencontre avec %2%3 et un fonctionnaire de la Ville est obligatoire; elle sera planifiée à l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="503"/>
        <source>Caller attached to request %1.</source>
        <translation>Citoyen rattaché à la requête %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="537"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="539"/>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.heic *.pdf)</source>
        <translation>Photos et PDF (*.jpg *.jpeg *.png *.heic *.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="591"/>
        <source>An unsaved request was found from your last session.</source>
        <translation>Une requête non enregistrée a été retrouvée de votre dernière session.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="636"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="643"/>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="648"/>
        <source>Saved: %1</source>
        <translation>Enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="655"/>
        <source>The request has errors: correct the fields shown in red.</source>
        <translation>La requête contient des erreurs : corrigez les champs en rouge.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="661"/>
        <source>Not saved.</source>
        <translation>Non enregistrée.</translation>
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
    <name>EditorPage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="76"/>
        <source>Sheets</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="77"/>
        <source>Corrections</source>
        <translation>Corrections</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="78"/>
        <source>Searches without an answer</source>
        <translation>Recherches sans réponse</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="87"/>
        <source>New sheet</source>
        <translation>Nouvelle fiche</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="90"/>
        <source>Open a published sheet…</source>
        <translation>Ouvrir une fiche publiée…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="130"/>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="131"/>
        <source>waiting for the sync</source>
        <translation>en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="132"/>
        <source>CONFLICT: another version was published</source>
        <translation>CONFLIT : une autre version a été publiée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="133"/>
        <source>refused by the server</source>
        <translation>refusé par le serveur</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="140"/>
        <source>withdrawal waiting for the sync</source>
        <translation>retrait en attente de synchronisation</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="142"/>
        <source>scheduled for %1</source>
        <translation>programmé pour le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="148"/>
        <source>My drafts (%1)</source>
        <translation>Mes brouillons (%1)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="155"/>
        <source>overdue since %1</source>
        <translation>en retard depuis le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="155"/>
        <source>due on %1</source>
        <translation>à réviser le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="164"/>
        <source>To review (%1 overdue or due within 30 days)</source>
        <translation>À réviser (%1 en retard ou dans les 30 jours)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="184"/>
        <source>Your draft (edited from version %1).</source>
        <translation>Votre brouillon (à partir de la version %1).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="188"/>
        <source>Refused by the server: %1</source>
        <translation>Refusé par le serveur : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="194"/>
        <source>Published version %1.</source>
        <translation>Version publiée %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="210"/>
        <source>Your version is kept: publish it to replace version %1.</source>
        <translation>Votre version est conservée : publiez-la pour remplacer la version %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="217"/>
        <source>Published version kept.</source>
        <translation>Version publiée conservée.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="245"/>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="246"/>
        <source>Withdraw « %1 » from every workstation?</source>
        <translation>Retirer « %1 » de tous les postes?</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="305"/>
        <source>Withdrawal sent at the next sync.</source>
        <translation>Retrait envoyé à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="253"/>
        <source>Tick « Publish at » and choose the moment first.</source>
        <translation>Cochez d&apos;abord « Publier le » et choisissez le moment.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="197"/>
        <source>Expired since %1: publish it again with a new end.</source>
        <translation>Expiré depuis le %1 : publiez-le de nouveau avec une nouvelle fin.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="262"/>
        <source>Draft saved on this workstation; nobody else sees it yet.</source>
        <translation>Brouillon enregistré sur ce poste; personne d&apos;autre ne le voit encore.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="267"/>
        <source>Contradiction</source>
        <translation>Contradiction</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="268"/>
        <source>This sheet contradicts a category:
%1

Publish anyway?</source>
        <translation>Cette fiche contredit une catégorie :
%1

Publier quand même?</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="311"/>
        <source>Scheduled for %1; sent to the server now.</source>
        <translation>Programmé pour le %1; envoyé au serveur maintenant.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="315"/>
        <source>Publishing: every workstation will have it at its next sync.</source>
        <translation>Publication en cours : chaque poste l&apos;aura à sa prochaine synchronisation.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="327"/>
        <source>Published: version %1 on the server.</source>
        <translation>Publié : version %1 sur le serveur.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="333"/>
        <source>Sheet and correction asked</source>
        <translation>Fiche et correction demandée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="333"/>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="333"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="337"/>
        <source>Open the sheet</source>
        <translation>Ouvrir la fiche</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="339"/>
        <source>Mark as handled</source>
        <translation>Marquer comme traitée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="341"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="356"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="441"/>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="373"/>
        <source>%n correction(s) to handle</source>
        <translation>
            <numerusform>%n correction à traiter</numerusform>
            <numerusform>%n corrections à traiter</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="405"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="408"/>
        <source>Searched, nothing found</source>
        <translation>Recherché, rien trouvé</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="408"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="410"/>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="411"/>
        <source>Times</source>
        <translation>Fois</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="410"/>
        <source>Searched, no sheet opened</source>
        <translation>Recherché, aucune fiche ouverte</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="411"/>
        <source>Most opened sheets</source>
        <translation>Fiches les plus consultées</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="413"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="415"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="425"/>
        <source>What agents searched on every workstation (the words only: no name, no workstation). Write the sheets agents look for and do not find.</source>
        <translation>Ce que les agents ont cherché sur tous les postes (les mots seulement : ni nom ni poste). Rédigez les fiches que les agents cherchent sans les trouver.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="452"/>
        <source>%n search(es) in the period</source>
        <translation>
            <numerusform>%n recherche dans la période</numerusform>
            <numerusform>%n recherches dans la période</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/editor/editor_page.py" line="459"/>
        <source>Unavailable: %1</source>
        <translation>Indisponible : %1</translation>
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
    <name>KnowledgePage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="60"/>
        <source>Search the knowledge base (Ctrl+K)</source>
        <translation>Rechercher dans la base de connaissances (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="67"/>
        <source>Show only one department&apos;s articles</source>
        <translation>N&apos;afficher que les fiches d&apos;un service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="68"/>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="72"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="72"/>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="72"/>
        <source>LIFTED</source>
        <translation>LEVÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="72"/>
        <source>TO CHECK</source>
        <translation>À VÉRIFIER</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="100"/>
        <source>Department:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="160"/>
        <source>Recently viewed</source>
        <translation>Consultés récemment</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="160"/>
        <source>Latest updates</source>
        <translation>Mises à jour récentes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="162"/>
        <source>Notices in force, then %1</source>
        <translation>Avis en vigueur, puis %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="195"/>
        <source>No such notice is in force now: « %2 » was lifted on %1.</source>
        <translation>Aucun avis de ce genre n&apos;est en vigueur : « %2 » a été levé le %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="202"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="205"/>
        <source>spelling corrected: %1</source>
        <translation>orthographe corrigée : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="209"/>
        <source>No answer sheet found. Try other words or check the spelling.</source>
        <translation>Aucune fiche trouvée. Essayez d&apos;autres mots ou vérifiez l&apos;orthographe.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="287"/>
        <source>This article was withdrawn from the knowledge base.</source>
        <translation>Cette fiche a été retirée de la base de connaissances.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="303"/>
        <source>Needs a fix</source>
        <translation>À corriger</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="304"/>
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
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="46"/>
        <source>PAC SAC — Citizen services</source>
        <translation>PAC SAC — Service aux citoyens</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="53"/>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="57"/>
        <source>New request (Ctrl+N)</source>
        <translation>Nouvelle requête (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="100"/>
        <source>Checking the search index…</source>
        <translation>Vérification de l&apos;index de recherche…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="105"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="106"/>
        <source>&amp;Import articles…</source>
        <translation>&amp;Importer des fiches…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="110"/>
        <source>&amp;Connect to the server…</source>
        <translation>Se &amp;connecter au serveur…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="113"/>
        <source>S&amp;ynchronise now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="118"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="122"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="123"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="128"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="134"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="135"/>
        <source>&amp;About PAC SAC</source>
        <translation>À &amp;propos de PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="172"/>
        <source>Authoring</source>
        <translation>Rédaction</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="191"/>
        <source>%n article(s) in the local knowledge base</source>
        <translation>
            <numerusform>%n fiche dans la base de connaissances locale</numerusform>
            <numerusform>%n fiches dans la base de connaissances locale</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="200"/>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="223"/>
        <source>Search index up to date</source>
        <translation>Index de recherche à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="201"/>
        <source>Search index updated</source>
        <translation>Index de recherche mis à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="202"/>
        <source>Search index rebuilt</source>
        <translation>Index de recherche reconstruit</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="211"/>
        <source>Search index unavailable</source>
        <translation>Index de recherche indisponible</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="215"/>
        <source>Folder of Markdown articles</source>
        <translation>Dossier de fiches Markdown</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="220"/>
        <source>Importing…</source>
        <translation>Importation en cours…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="225"/>
        <source>%1 created, %2 updated, %3 unchanged, %4 rejected.</source>
        <translation>%1 créée(s), %2 mise(s) à jour, %3 inchangée(s), %4 rejetée(s).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="231"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="251"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="251"/>
        <source>The new language will be used at the next start.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="257"/>
        <source>About PAC SAC</source>
        <translation>À propos de PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="259"/>
        <source>PAC SAC Desktop %1
Knowledge base and citizen requests for frontline staff.</source>
        <translation>PAC SAC Desktop %1
Base de connaissances et requêtes citoyennes pour le personnel de première ligne.</translation>
    </message>
</context>
<context>
    <name>QuestionsForm</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/questions.py" line="43"/>
        <source>— choose —</source>
        <translation>— choisir —</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/questions.py" line="47"/>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/questions.py" line="48"/>
        <source>No</source>
        <translation>Non</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="49"/>
        <source>Receipt %1</source>
        <translation>Accusé de réception %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="54"/>
        <source>Copy the text</source>
        <translation>Copier le texte</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="56"/>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="58"/>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="60"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/receipt_dialog.py" line="86"/>
        <source>Save the receipt</source>
        <translation>Enregistrer l&apos;accusé de réception</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="138"/>
        <source>last sync %1</source>
        <translation>dernière synchro %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="140"/>
        <source>never synchronised</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="141"/>
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>%n élément en attente</numerusform>
            <numerusform>%n éléments en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="143"/>
        <source>Not connected to a server</source>
        <translation>Non connecté à un serveur</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="145"/>
        <source>Synchronising…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="147"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="149"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="151"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="154"/>
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
    <name>dates</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/dates.py" line="14"/>
        <source>en</source>
        <translation>fr</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/errors.py" line="18"/>
        <source>An unexpected error occurred. The details were written to the log.</source>
        <translation>Une erreur inattendue s&apos;est produite. Les détails ont été écrits dans le journal.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/errors.py" line="29"/>
        <source>PAC SAC</source>
        <translation>PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/errors.py" line="34"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>format</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="25"/>
        <source>updated today</source>
        <translation>mis à jour aujourd&apos;hui</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="27"/>
        <source>updated yesterday</source>
        <translation>mis à jour hier</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="29"/>
        <source>updated %n day(s) ago</source>
        <translation>
            <numerusform>mis à jour il y a %n jour</numerusform>
            <numerusform>mis à jour il y a %n jours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="32"/>
        <source>updated %n month(s) ago</source>
        <translation>
            <numerusform>mis à jour il y a %n mois</numerusform>
            <numerusform>mis à jour il y a %n mois</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/format.py" line="33"/>
        <source>updated %n year(s) ago</source>
        <translation>
            <numerusform>mis à jour il y a %n an</numerusform>
            <numerusform>mis à jour il y a %n ans</numerusform>
        </translation>
    </message>
</context>
</TS>
