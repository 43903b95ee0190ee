<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_CA">
<context>
    <name>ArticleView</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="46"/>
        <source>Copy the answer</source>
        <translation>Copier la réponse</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="48"/>
        <source>Copy the article&apos;s text to paste it in an e-mail (Ctrl+Shift+C)</source>
        <translation>Copier le texte de la fiche pour le coller dans un courriel (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="72"/>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="77"/>
        <source>Answer sheets of the communications service, available offline.</source>
        <translation>Les fiches réponses du Service des communications, disponibles hors ligne.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="84"/>
        <source>search from anywhere</source>
        <translation>rechercher, d&apos;où que vous soyez</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="85"/>
        <source>move in the results</source>
        <translation>se déplacer dans les résultats</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="86"/>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="86"/>
        <source>open the selected answer sheet</source>
        <translation>ouvrir la fiche choisie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="87"/>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="87"/>
        <source>back to the search field; again to clear it</source>
        <translation>revenir au champ de recherche; une seconde fois pour le vider</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="88"/>
        <source>copy the open answer</source>
        <translation>copier la réponse affichée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="88"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Maj+C</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="94"/>
        <source>Type the citizen&apos;s own words: accents, typos, plurals and unfinished words are forgiven, and everyday or English words (vidanges, char, garbage) find the official ones.</source>
        <translation>Tapez les mots du citoyen : les accents oubliés, les fautes de frappe, les pluriels et les mots inachevés sont pardonnés, et les mots de tous les jours ou anglais (vidanges, char, garbage) trouvent les termes officiels.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="97"/>
        <source>Keyboard</source>
        <translation>Clavier</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="97"/>
        <source>Tips</source>
        <translation>Conseils</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="108"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="110"/>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="117"/>
        <source>expired on %1</source>
        <translation>expiré le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="117"/>
        <source>valid until %1</source>
        <translation>valide jusqu&apos;au %1</translation>
    </message>
</context>
<context>
    <name>CapturePage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="108"/>
        <source>Type a few letters: nid, lampadaire, collecte…</source>
        <translation>Tapez quelques lettres : nid, lampadaire, collecte…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="122"/>
        <source>Anonymous citizen</source>
        <translation>Citoyen anonyme</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="135"/>
        <source>Civic address or intersection of the problem</source>
        <translation>Adresse civique ou intersection du problème</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="138"/>
        <source>What the citizen reports, in their words</source>
        <translation>Ce que le citoyen signale, dans ses mots</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="143"/>
        <source>Resolved at first contact (answered from the KB) — Ctrl+R</source>
        <translation>Réglée au premier contact (réponse de la base de connaissances) — Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="146"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="150"/>
        <source>Channel:</source>
        <translation>Canal :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="153"/>
        <source>Nature:</source>
        <translation>Nature :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="154"/>
        <source>Category:</source>
        <translation>Catégorie :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="157"/>
        <source>Location:</source>
        <translation>Lieu :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="158"/>
        <source>Description:</source>
        <translation>Description :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="161"/>
        <source>Attach a photo or a file…</source>
        <translation>Joindre une photo ou un fichier…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="169"/>
        <source>Attachments:</source>
        <translation>Pièces jointes :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="171"/>
        <source>Citizen</source>
        <translation>Citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="177"/>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="178"/>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="179"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="180"/>
        <source>Phone:</source>
        <translation>Téléphone :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="181"/>
        <source>E-mail:</source>
        <translation>Courriel :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="185"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="187"/>
        <source>Follow-up by:</source>
        <translation>Suivi par :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="189"/>
        <source>Save (Ctrl+Enter)</source>
        <translation>Enregistrer (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="193"/>
        <source>New (Ctrl+N)</source>
        <translation>Nouvelle (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="226"/>
        <source>Enter or double-click: attach this caller to that request</source>
        <translation>Entrée ou double-clic : rattacher ce citoyen à cette requête</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="242"/>
        <source>Possible duplicates (same place, last 30 days)</source>
        <translation>Doublons possibles (même lieu, 30 derniers jours)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="243"/>
        <source>Caller history</source>
        <translation>Historique du citoyen</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="244"/>
        <source>Answer sheets for this category</source>
        <translation>Fiches de cette catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="262"/>
        <source>Resume it</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="264"/>
        <source>Discard</source>
        <translation>Abandonner</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="351"/>
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n heure</numerusform>
            <numerusform>%n heures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="353"/>
        <source>no deadline</source>
        <translation>sans délai</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="355"/>
        <source>deadline</source>
        <translation>délai</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="471"/>
        <source>the district councillor</source>
        <translation>le conseiller ou la conseillère du district</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="472"/>
        <source>district</source>
        <translation>district</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="475"/>
        <source>Second complaint from this citizen on this subject (earlier: %1). A meeting with %2%3 and a city official is mandatory; it will be scheduled when you save.</source>
        <translation>Deuxième plainte de ce citoyen sur ce sujet (plainte antérieure : %1). Une rencontre avec %2%3 et un fonctionnaire de la Ville est obligatoire; elle sera planifiée à l&apos;enregistrement.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="496"/>
        <source>Caller attached to request %1.</source>
        <translation>Citoyen rattaché à la requête %1.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="523"/>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="525"/>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.heic *.pdf)</source>
        <translation>Photos et PDF (*.jpg *.jpeg *.png *.heic *.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="577"/>
        <source>An unsaved request was found from your last session.</source>
        <translation>Une requête non enregistrée a été retrouvée de votre dernière session.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="631"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="638"/>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="643"/>
        <source>Saved: %1</source>
        <translation>Enregistrée : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="650"/>
        <source>The request has errors: correct the fields shown in red.</source>
        <translation>La requête contient des erreurs : corrigez les champs en rouge.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/capture/capture_page.py" line="656"/>
        <source>Not saved.</source>
        <translation>Non enregistrée.</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="51"/>
        <source>Search the knowledge base (Ctrl+K)</source>
        <translation>Rechercher dans la base de connaissances (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="58"/>
        <source>Show only one department&apos;s articles</source>
        <translation>N&apos;afficher que les fiches d&apos;un service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="59"/>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="63"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="63"/>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="84"/>
        <source>Department:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="134"/>
        <source>Recently viewed</source>
        <translation>Consultés récemment</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="134"/>
        <source>Latest updates</source>
        <translation>Mises à jour récentes</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="163"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="166"/>
        <source>spelling corrected: %1</source>
        <translation>orthographe corrigée : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="170"/>
        <source>No answer sheet found. Try other words or check the spelling.</source>
        <translation>Aucune fiche trouvée. Essayez d&apos;autres mots ou vérifiez l&apos;orthographe.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="225"/>
        <source>This article was withdrawn from the knowledge base.</source>
        <translation>Cette fiche a été retirée de la base de connaissances.</translation>
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
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="60"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="44"/>
        <source>PAC SAC — Citizen services</source>
        <translation>PAC SAC — Service aux citoyens</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="51"/>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="55"/>
        <source>New request (Ctrl+N)</source>
        <translation>Nouvelle requête (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="91"/>
        <source>Checking the search index…</source>
        <translation>Vérification de l&apos;index de recherche…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="96"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="97"/>
        <source>&amp;Import articles…</source>
        <translation>&amp;Importer des fiches…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="101"/>
        <source>&amp;Connect to the server…</source>
        <translation>Se &amp;connecter au serveur…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="104"/>
        <source>S&amp;ynchronise now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="109"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="113"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="114"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="119"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="125"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="126"/>
        <source>&amp;About PAC SAC</source>
        <translation>À &amp;propos de PAC SAC</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="165"/>
        <source>%n article(s) in the local knowledge base</source>
        <translation>
            <numerusform>%n fiche dans la base de connaissances locale</numerusform>
            <numerusform>%n fiches dans la base de connaissances locale</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="174"/>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="197"/>
        <source>Search index up to date</source>
        <translation>Index de recherche à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="175"/>
        <source>Search index updated</source>
        <translation>Index de recherche mis à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="176"/>
        <source>Search index rebuilt</source>
        <translation>Index de recherche reconstruit</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="185"/>
        <source>Search index unavailable</source>
        <translation>Index de recherche indisponible</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="189"/>
        <source>Folder of Markdown articles</source>
        <translation>Dossier de fiches Markdown</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="194"/>
        <source>Importing…</source>
        <translation>Importation en cours…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="199"/>
        <source>%1 created, %2 updated, %3 unchanged, %4 rejected.</source>
        <translation>%1 créée(s), %2 mise(s) à jour, %3 inchangée(s), %4 rejetée(s).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="205"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="225"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="225"/>
        <source>The new language will be used at the next start.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="231"/>
        <source>About PAC SAC</source>
        <translation>À propos de PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="233"/>
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
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="136"/>
        <source>last sync %1</source>
        <translation>dernière synchro %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="138"/>
        <source>never synchronised</source>
        <translation>jamais synchronisé</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="139"/>
        <source>%n item(s) waiting</source>
        <translation>
            <numerusform>%n élément en attente</numerusform>
            <numerusform>%n éléments en attente</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="141"/>
        <source>Not connected to a server</source>
        <translation>Non connecté à un serveur</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="143"/>
        <source>Synchronising…</source>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="145"/>
        <source>Offline</source>
        <translation>Hors ligne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="147"/>
        <source>Online</source>
        <translation>En ligne</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="149"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/sync_status.py" line="152"/>
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
        <location filename="../../src/pac_sac_desktop/ui/kb/urgent_banner.py" line="46"/>
        <source>Urgent notices:</source>
        <translation>Avis urgents :</translation>
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
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>No data for this period</source>
        <translation>Aucune donnée pour cette période</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Show report</source>
        <translation>Afficher le rapport</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Choose a period, then show the report.</source>
        <translation>Choisissez une période, puis affichez le rapport.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Export Excel</source>
        <translation>Exporter en Excel</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Requests received</source>
        <translation>Requêtes reçues</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Complaints followed up within 24 hours</source>
        <translation>Plaintes suivies en 24 heures</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Time to first follow-up (median)</source>
        <translation>Délai du premier suivi (médiane)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Resolved within the category deadline</source>
        <translation>Réglées dans le délai de la catégorie</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Resolved at the first contact</source>
        <translation>Réglées dès le premier contact</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Repeat complaints (meeting required)</source>
        <translation>Plaintes répétées (rencontre requise)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Meetings held</source>
        <translation>Rencontres tenues</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Satisfaction (out of 5)</source>
        <translation>Satisfaction (sur 5)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Requests per month</source>
        <translation>Requêtes par mois</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Satisfaction answers per score</source>
        <translation>Réponses au sondage par note</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Requests per nature</source>
        <translation>Requêtes par nature</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Requests per channel</source>
        <translation>Requêtes par canal</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>All districts</source>
        <translation>Tous les districts</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>All categories</source>
        <translation>Toutes les catégories</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>All channels</source>
        <translation>Tous les canaux</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>All natures</source>
        <translation>Toutes les natures</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Computing the report on the server…</source>
        <translation>Calcul du rapport sur le serveur…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Reports are reserved for supervisors.</source>
        <translation>Les rapports sont réservés aux superviseurs.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>%1 complaints</source>
        <translation>dont %1 plaintes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>%1 of %2 complaints</source>
        <translation>%1 plaintes sur %2</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>90th percentile: %1</source>
        <translation>90e centile : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Median time to resolve: %1</source>
        <translation>Délai médian de règlement : %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>%1 requests</source>
        <translation>%1 requêtes</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>%1 answers, response rate %2</source>
        <translation>%1 réponses, taux de réponse %2</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Report from %1 to %2.</source>
        <translation>Rapport du %1 au %2.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>CSV file (*.csv)</source>
        <translation>Fichier CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Classeur Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Export the report</source>
        <translation>Exporter le rapport</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/reports/report_page.py" line="1"/>
        <source>Report saved: %1</source>
        <translation>Rapport enregistré : %1</translation>
    </message>
</context>
</TS>
