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
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="47"/>
        <source>Copy the article&apos;s text to paste it in an e-mail (Ctrl+Shift+C)</source>
        <translation>Copier le texte de la fiche pour le coller dans un courriel (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="57"/>
        <source>Type a few words in the search field: the answer sheets appear as you type.
↑/↓ to choose, Enter to open, Esc to come back to the field.</source>
        <translation>Tapez quelques mots dans le champ de recherche : les fiches apparaissent pendant la saisie.
↑/↓ pour choisir, Entrée pour ouvrir, Échap pour revenir au champ.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="83"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="85"/>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="91"/>
        <source>expired on %1</source>
        <translation>expiré le %1</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/article_view.py" line="91"/>
        <source>valid until %1</source>
        <translation>valide jusqu&apos;au %1</translation>
    </message>
</context>
<context>
    <name>KnowledgePage</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="49"/>
        <source>Search the knowledge base (Ctrl+K)</source>
        <translation>Rechercher dans la base de connaissances (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="56"/>
        <source>Show only one department&apos;s articles</source>
        <translation>N&apos;afficher que les fiches d&apos;un service</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="57"/>
        <source>All departments</source>
        <translation>Tous les services</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="61"/>
        <source>URGENT</source>
        <translation>URGENT</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="61"/>
        <source>EXPIRED</source>
        <translation>EXPIRÉ</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="82"/>
        <source>Department:</source>
        <translation>Service :</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="125"/>
        <source>Recently viewed</source>
        <translation>Consultés récemment</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="125"/>
        <source>Type to search the answer sheets</source>
        <translation>Tapez pour chercher dans les fiches</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="154"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="156"/>
        <source>No answer sheet found. Try other words or check the spelling.</source>
        <translation>Aucune fiche trouvée. Essayez d&apos;autres mots ou vérifiez l&apos;orthographe.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/kb/kb_page.py" line="201"/>
        <source>This article was withdrawn from the knowledge base.</source>
        <translation>Cette fiche a été retirée de la base de connaissances.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="33"/>
        <source>PAC SAC — Citizen services</source>
        <translation>PAC SAC — Service aux citoyens</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="40"/>
        <source>Knowledge base</source>
        <translation>Base de connaissances</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="65"/>
        <source>Checking the search index…</source>
        <translation>Vérification de l&apos;index de recherche…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="69"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="70"/>
        <source>&amp;Import articles…</source>
        <translation>&amp;Importer des fiches…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="74"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="78"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="79"/>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="84"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="90"/>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="91"/>
        <source>&amp;About PAC SAC</source>
        <translation>À &amp;propos de PAC SAC</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="114"/>
        <source>%n article(s) in the local knowledge base</source>
        <translation>
            <numerusform>%n fiche dans la base de connaissances locale</numerusform>
            <numerusform>%n fiches dans la base de connaissances locale</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="122"/>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="145"/>
        <source>Search index up to date</source>
        <translation>Index de recherche à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="123"/>
        <source>Search index updated</source>
        <translation>Index de recherche mis à jour</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="124"/>
        <source>Search index rebuilt</source>
        <translation>Index de recherche reconstruit</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="133"/>
        <source>Search index unavailable</source>
        <translation>Index de recherche indisponible</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="137"/>
        <source>Folder of Markdown articles</source>
        <translation>Dossier de fiches Markdown</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="142"/>
        <source>Importing…</source>
        <translation>Importation en cours…</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="147"/>
        <source>%1 created, %2 updated, %3 unchanged, %4 rejected.</source>
        <translation>%1 créée(s), %2 mise(s) à jour, %3 inchangée(s), %4 rejetée(s).</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="150"/>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="161"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="161"/>
        <source>The new language will be used at the next start.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="167"/>
        <source>About PAC SAC</source>
        <translation>À propos de PAC SAC</translation>
    </message>
    <message>
        <location filename="../../src/pac_sac_desktop/ui/main_window.py" line="168"/>
        <source>PAC SAC Desktop %1
Knowledge base and citizen requests for frontline staff.</source>
        <translation>PAC SAC Desktop %1
Base de connaissances et requêtes citoyennes pour le personnel de première ligne.</translation>
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
        <location filename="../../src/pac_sac_desktop/ui/errors.py" line="33"/>
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
