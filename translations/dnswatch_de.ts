<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ActionSentence</name>
    <message>
        <source>cache of %1 cleared</source>
        <translation>Cache von %1 geleert</translation>
    </message>
    <message>
        <source>stale cache entries cleared</source>
        <translation>veraltete Cache-Einträge gelöscht</translation>
    </message>
    <message>
        <source>whole cache cleared</source>
        <translation>ganzer Cache geleert</translation>
    </message>
    <message>
        <source>%1 unpinned</source>
        <translation>Festlegung von %1 aufgehoben</translation>
    </message>
    <message>
        <source>%1 unpinned (was %2)</source>
        <translation>Festlegung von %1 aufgehoben (war %2)</translation>
    </message>
    <message>
        <source>%1 pinned to %2</source>
        <translation>%1 festgelegt auf %2</translation>
    </message>
    <message>
        <source>re-resolve of %1 forced</source>
        <translation>Neuauflösung von %1 erzwungen</translation>
    </message>
    <message>
        <source>probes paused</source>
        <translation>Prüfungen angehalten</translation>
    </message>
    <message>
        <source>probes resumed</source>
        <translation>Prüfungen fortgesetzt</translation>
    </message>
    <message>
        <source>a probe asked for now</source>
        <translation>sofortige Prüfung angefordert</translation>
    </message>
</context>
<context>
    <name>AgentConnection</name>
    <message>
        <source>CA file %1: no PEM certificate could be read</source>
        <translation>CA-Datei %1: kein PEM-Zertifikat lesbar</translation>
    </message>
    <message>
        <source>certificate not trusted: %1</source>
        <translation>Zertifikat nicht vertrauenswürdig: %1</translation>
    </message>
    <message>
        <source>%1 /api/v1/status</source>
        <translation>%1 /api/v1/status</translation>
    </message>
    <message>
        <source>%1 /api/v1/events</source>
        <translation>%1 /api/v1/events</translation>
    </message>
    <message>
        <source>the status was not read</source>
        <translation>der Status wurde nicht gelesen</translation>
    </message>
</context>
<context>
    <name>AgentLinks</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Connecting to %1 at %2...</source>
        <translation>Verbindung zu %1 unter %2 wird aufgebaut...</translation>
    </message>
    <message>
        <source>%1 is not remembered: %2</source>
        <translation>%1 wird nicht gemerkt: %2</translation>
    </message>
</context>
<context>
    <name>AgentPlace</name>
    <message>
        <source>The token for %1 may only read: actions need an operate token</source>
        <translation>Das Token für %1 darf nur lesen: Aktionen brauchen ein operate-Token</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
    <message>
        <source>not probed yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>%1: %2 is not one of its targets</source>
        <translation>%1: %2 ist keines seiner Ziele</translation>
    </message>
    <message>
        <source>some events of %1 were lost: the agent no longer held them (restarted, or more events than it keeps while unreachable)</source>
        <translation>einige Ereignisse von %1 fehlen: der Agent hatte sie nicht mehr (neu gestartet, oder mehr Ereignisse, als er während der Unerreichbarkeit aufbewahrt)</translation>
    </message>
    <message>
        <source>%1 /api/v1/history</source>
        <translation>%1 /api/v1/history</translation>
    </message>
    <message>
        <source>%1 /api/v1/resolve?host=%2</source>
        <translation>%1 /api/v1/resolve?host=%2</translation>
    </message>
    <message>
        <source>%1: cache not cleared: %2</source>
        <translation>%1: Cache nicht geleert: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n cache entries cleared</source>
        <translation>
            <numerusform>%1: %n Cache-Eintrag geleert</numerusform>
            <numerusform>%1: %n Cache-Einträge geleert</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 says it is not ready</source>
        <translation>%1 meldet sich nicht bereit</translation>
    </message>
</context>
<context>
    <name>AgentTokenStore</name>
    <message>
        <source>the desktop&apos;s secret store refused access (%1)</source>
        <translation>der Passwortspeicher des Desktops hat den Zugriff verweigert (%1)</translation>
    </message>
    <message>
        <source>the desktop&apos;s secret store is not available (%1)</source>
        <translation>der Passwortspeicher des Desktops ist nicht verfügbar (%1)</translation>
    </message>
    <message>
        <source>it may still be in the secret store: %1</source>
        <translation>das Token liegt womöglich noch im Passwortspeicher: %1</translation>
    </message>
    <message>
        <source>Token kept in the desktop&apos;s secret store.</source>
        <translation>Token im Passwortspeicher des Desktops abgelegt.</translation>
    </message>
    <message>
        <source>Token kept for this session only: %1</source>
        <translation>Token nur für diese Sitzung behalten: %1</translation>
    </message>
</context>
<context>
    <name>AgentUrlCheck</name>
    <message>
        <source>Enter the agent&apos;s URL, e.g. https://agent.example.net:9108.</source>
        <translation>Geben Sie die URL des Agenten ein, z. B. https://agent.example.net:9108.</translation>
    </message>
    <message>
        <source>The URL is not valid: check the host and the port number.</source>
        <translation>Die URL ist ungültig: Prüfen Sie Host und Portnummer.</translation>
    </message>
    <message>
        <source>The URL must start with https:// (or http://).</source>
        <translation>Die URL muss mit https:// (oder http://) beginnen.</translation>
    </message>
    <message>
        <source>The URL names no host.</source>
        <translation>Die URL nennt keinen Host.</translation>
    </message>
    <message>
        <source>The URL must not hold a user name or password: the token has its own field.</source>
        <translation>Die URL darf keinen Benutzernamen und kein Passwort enthalten: Das Token hat ein eigenes Feld.</translation>
    </message>
    <message>
        <source>The URL must not have a query (?) or fragment (#).</source>
        <translation>Die URL darf keine Abfrage (?) und kein Fragment (#) haben.</translation>
    </message>
</context>
<context>
    <name>AnswerChangeModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>TTL</source>
        <translation>TTL</translation>
    </message>
    <message>
        <source>When the new answer came</source>
        <translation>Wann die neue Antwort kam</translation>
    </message>
    <message>
        <source>The resolver that gave it</source>
        <translation>Der Resolver, der sie gab</translation>
    </message>
    <message>
        <source>The addresses before the change</source>
        <translation>Die Adressen vor der Änderung</translation>
    </message>
    <message>
        <source>The addresses after the change</source>
        <translation>Die Adressen nach der Änderung</translation>
    </message>
    <message>
        <source>The time to live the cache gave the new answer</source>
        <translation>Die Gültigkeitsdauer (TTL), die der Cache der neuen Antwort gab</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
</context>
<context>
    <name>AnswerChangesPane</name>
    <message>
        <source>Answer changes</source>
        <translation>Antwortwechsel</translation>
    </message>
    <message>
        <source>Each change of the answer, newest first: time, resolver, before, after and TTL</source>
        <translation>Jede Änderung der Antwort, die neueste zuerst: Zeit, Resolver, vorher, nachher und TTL</translation>
    </message>
    <message>
        <source>Answer changes of every target</source>
        <translation>Antwortwechsel aller Ziele</translation>
    </message>
    <message>
        <source>Answer changes of %1 (%2 through %3)</source>
        <translation>Antwortwechsel von %1 (%2 über %3)</translation>
    </message>
    <message>
        <source>The answer of %1 has not changed since DNS Watch started.</source>
        <translation>Die Antwort von %1 hat sich seit dem Start von DNS Watch nicht geändert.</translation>
    </message>
    <message>
        <source>No answer has changed since DNS Watch started.</source>
        <translation>Seit dem Start von DNS Watch hat sich keine Antwort geändert.</translation>
    </message>
    <message>
        <source>A change shows here when a live answer brings other addresses than the one before.</source>
        <translation>Eine Änderung erscheint hier, sobald eine Live-Antwort andere Adressen bringt als die vorige.</translation>
    </message>
    <message>
        <source>No answer has changed in the kept history or since DNS Watch started.</source>
        <translation>Weder im gespeicherten Verlauf noch seit dem Start von DNS Watch hat sich eine Antwort geändert.</translation>
    </message>
    <message>
        <source>The answer of %1 has not changed in the kept history or since DNS Watch started.</source>
        <translation>Die Antwort von %1 hat sich weder im gespeicherten Verlauf noch seit dem Start von DNS Watch geändert.</translation>
    </message>
</context>
<context>
    <name>CachePane</name>
    <message>
        <source>Cache entries</source>
        <translation>Cache-Einträge</translation>
    </message>
    <message>
        <source>Filter cache entries by host, state or address...</source>
        <translation>Cache-Einträge nach Host, Zustand oder Adresse filtern...</translation>
    </message>
    <message>
        <source>Clear &amp;entry</source>
        <translation>&amp;Eintrag löschen</translation>
    </message>
    <message>
        <source>Forget the selected hosts&apos; cached answers (all resolvers)</source>
        <translation>Die zwischengespeicherten Antworten der ausgewählten Hosts verwerfen (alle Resolver)</translation>
    </message>
    <message>
        <source>Clear &amp;stale</source>
        <translation>&amp;Veraltete löschen</translation>
    </message>
    <message>
        <source>Forget every expired answer; fresh ones stay</source>
        <translation>Alle abgelaufenen Antworten verwerfen; frische bleiben erhalten</translation>
    </message>
    <message>
        <source>Clear &amp;all...</source>
        <translation>&amp;Alles löschen...</translation>
    </message>
    <message>
        <source>Forget the whole cache, stale answers included</source>
        <translation>Den ganzen Cache verwerfen, veraltete Antworten eingeschlossen</translation>
    </message>
    <message>
        <source>Clear the whole cache?</source>
        <translation>Den ganzen Cache löschen?</translation>
    </message>
    <message>
        <source>Every cached answer goes, stale ones too: while DNS is down, targets then have only their pinned and environment addresses.</source>
        <translation>Alle zwischengespeicherten Antworten werden verworfen, auch die veralteten: Solange DNS ausgefallen ist, haben die Ziele dann nur noch ihre festgelegten Adressen und die aus der Umgebung.</translation>
    </message>
    <message>
        <source>Clear all</source>
        <translation>Alles löschen</translation>
    </message>
    <message>
        <source>Cache of</source>
        <translation>Cache von</translation>
    </message>
    <message>
        <source>Whose cache: this machine&apos;s or an agent&apos;s</source>
        <translation>Wessen Cache: der dieses Rechners oder der eines Agenten</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>dieser Rechner</translation>
    </message>
    <message>
        <source>Every cache entry with its state, addresses, TTL left and last failure</source>
        <translation>Jeder Cache-Eintrag mit Zustand, Adressen, Rest-TTL und letztem Fehler</translation>
    </message>
</context>
<context>
    <name>CacheStateChart</name>
    <message>
        <source>Fresh</source>
        <translation>Frisch</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>Negativ</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Festgelegt</translation>
    </message>
    <message>
        <source>Env</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Fehlend</translation>
    </message>
    <message>
        <source>Cache state (all targets)</source>
        <translation>Cache-Zustand (alle Ziele)</translation>
    </message>
    <message>
        <source>Cache state: %1</source>
        <translation>Cache-Zustand: %1</translation>
    </message>
    <message>
        <source>How many of this machine&apos;s cache entries were in each state: fresh, stale (past their TTL, kept to serve when DNS fails), negative (a cached &quot;no such name&quot;), pinned, from the environment&apos;s fallback, or missing.</source>
        <translation>Wie viele Cache-Einträge dieses Rechners in welchem Zustand waren: frisch, veraltet (TTL abgelaufen, aufbewahrt für den Fall, dass DNS ausfällt), negativ (ein zwischengespeichertes „Name existiert nicht“), festgelegt, aus dem Fallback der Umgebung oder fehlend.</translation>
    </message>
    <message>
        <source>No cache samples in this time range</source>
        <translation>Keine Cache-Werte in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>CacheTableModel</name>
    <message>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>Rest-TTL</translation>
    </message>
    <message>
        <source>Stale since</source>
        <translation>Veraltet seit</translation>
    </message>
    <message>
        <source>Stale until</source>
        <translation>Veraltet bis</translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>%1 (looking up)</source>
        <translation>%1 (wird aufgelöst)</translation>
    </message>
</context>
<context>
    <name>ConfigDocument</name>
    <message>
        <source>invalid JSON: %1</source>
        <translation>ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation>die oberste Ebene ist kein JSON-Objekt</translation>
    </message>
</context>
<context>
    <name>ConnectAgentDialog</name>
    <message>
        <source>S&amp;how</source>
        <translation>&amp;Zeigen</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>&amp;Remember this agent</source>
        <translation>Diesen Agenten &amp;merken</translation>
    </message>
    <message>
        <source>Connect to agent</source>
        <translation>Mit Agent verbinden</translation>
    </message>
    <message>
        <source>e.g. fra1</source>
        <translation>z. B. fra1</translation>
    </message>
    <message>
        <source>Agent name</source>
        <translation>Name des Agenten</translation>
    </message>
    <message>
        <source>Agent URL</source>
        <translation>URL des Agenten</translation>
    </message>
    <message>
        <source>empty if the agent needs none</source>
        <translation>leer, wenn der Agent keines verlangt</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Show the token</source>
        <translation>Token anzeigen</translation>
    </message>
    <message>
        <source>PEM file of a private CA; empty: the system&apos;s</source>
        <translation>PEM-Datei einer eigenen CA; leer: die des Systems</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA-Datei</translation>
    </message>
    <message>
        <source>Choose the CA file</source>
        <translation>CA-Datei auswählen</translation>
    </message>
    <message>
        <source>Remember this agent</source>
        <translation>Diesen Agenten merken</translation>
    </message>
    <message>
        <source>The URL and CA file are kept in the dashboard&apos;s settings, the token in the desktop&apos;s secret store.</source>
        <translation>URL und CA-Datei werden in den Einstellungen des Dashboards gespeichert, das Token im Passwortspeicher des Desktops.</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>Give the agent a name, e.g. fra1.</source>
        <translation>Geben Sie dem Agenten einen Namen, z. B. fra1.</translation>
    </message>
    <message>
        <source>An agent named &quot;%1&quot; is already watched: choose another name.</source>
        <translation>Ein Agent namens „%1“ wird schon beobachtet: Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <source>CA file %1 does not exist.</source>
        <translation>Die CA-Datei %1 existiert nicht.</translation>
    </message>
    <message>
        <source>CA file %1 is not a regular file.</source>
        <translation>Die CA-Datei %1 ist keine reguläre Datei.</translation>
    </message>
    <message>
        <source>CA file %1 is too large for a certificate file (over 1 MiB).</source>
        <translation>Die CA-Datei %1 ist zu groß für eine Zertifikatsdatei (über 1 MiB).</translation>
    </message>
    <message>
        <source>CA file %1 cannot be read: %2</source>
        <translation>Die CA-Datei %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>CA file %1 holds no PEM certificate.</source>
        <translation>Die CA-Datei %1 enthält kein PEM-Zertifikat.</translation>
    </message>
    <message>
        <source>Warning: the token would cross the network in the clear (http:// to another machine). Use https:// if the agent has a certificate.</source>
        <translation>Warnung: Das Token ginge unverschlüsselt über das Netz (http:// zu einem anderen Rechner). Verwenden Sie https://, wenn der Agent ein Zertifikat hat.</translation>
    </message>
    <message>
        <source>PEM certificates (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Zertifikate (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>No history: %1</source>
        <translation>Kein Verlauf: %1</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History %1: %2</source>
        <translation>Verlauf %1: %2</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agenten</translation>
    </message>
    <message>
        <source>This dashboard runs without a history (no pins or results are kept): %1</source>
        <translation>Dieses Dashboard läuft ohne Verlauf (Festlegungen und Ergebnisse werden nicht aufbewahrt): %1</translation>
    </message>
</context>
<context>
    <name>DashboardRefusal</name>
    <message>
        <source>DNS Watch</source>
        <translation>DNS Watch</translation>
    </message>
    <message>
        <source>The dashboard did not start: its config file has problems. Mend the file and start DNS Watch again.</source>
        <translation>Das Dashboard wurde nicht gestartet: Seine Konfigurationsdatei hat Fehler. Beheben Sie sie und starten Sie DNS Watch erneut.</translation>
    </message>
</context>
<context>
    <name>DurationWords</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>ElementList</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>%1: Eintrag hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate the selected entry of %1</source>
        <translation>%1: ausgewählten Eintrag duplizieren</translation>
    </message>
    <message>
        <source>Remove the selected entry of %1</source>
        <translation>%1: ausgewählten Eintrag entfernen</translation>
    </message>
</context>
<context>
    <name>EmptyTargetsView</name>
    <message>
        <source>&amp;Add a target in Settings...</source>
        <translation>Ziel in den Einstellungen &amp;hinzufügen...</translation>
    </message>
    <message>
        <source>Start the &amp;demo lab</source>
        <translation>&amp;Demo-Labor starten</translation>
    </message>
    <message>
        <source>No targets</source>
        <translation>Keine Ziele</translation>
    </message>
    <message>
        <source>No targets to show yet</source>
        <translation>Noch keine Ziele anzuzeigen</translation>
    </message>
    <message>
        <source>A target is a host your services need: its name, the resolver that looks it up and a check of its service. Add the first one in Settings, or watch the targets of a DNS Watch agent elsewhere (File &gt; Connect to agent...): its targets show here once it answers.

New to DNS Watch? The demo lab shows it at work with nothing to set up: a fake zone on this machine whose DNS fails on a script, in a window of its own.</source>
        <translation>Ein Ziel ist ein Host, den Ihre Dienste brauchen: sein Name, der Resolver, der ihn auflöst, und eine Prüfung seines Dienstes. Legen Sie das erste in den Einstellungen an, oder beobachten Sie die Ziele eines DNS-Watch-Agenten anderswo (Datei &gt; Mit Agent verbinden...): Seine Ziele erscheinen hier, sobald er antwortet.

Neu bei DNS Watch? Das Demo-Labor zeigt es bei der Arbeit, ohne dass etwas einzurichten ist: eine vorgetäuschte Zone auf diesem Rechner, deren DNS nach einem Drehbuch ausfällt, in einem eigenen Fenster.</translation>
    </message>
    <message>
        <source>It starts as: %1</source>
        <translation>Es startet als: %1</translation>
    </message>
    <message>
        <source>The demo lab could not be started (%1). Run it from a terminal: %2</source>
        <translation>Das Demo-Labor konnte nicht gestartet werden (%1). Starten Sie es in einem Terminal: %2</translation>
    </message>
    <message>
        <source>The demo lab is starting in a window of its own (%1).</source>
        <translation>Das Demo-Labor startet in einem eigenen Fenster (%1).</translation>
    </message>
</context>
<context>
    <name>EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Target or host</source>
        <translation>Ziel oder Host</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1 (von %2)</translation>
    </message>
</context>
<context>
    <name>EventSentence</name>
    <message>
        <source>serving stale addresses %1</source>
        <translation>liefert veraltete Adressen aus: %1</translation>
    </message>
    <message>
        <source>serving pinned addresses %1</source>
        <translation>liefert festgelegte Adressen aus: %1</translation>
    </message>
    <message>
        <source>serving the emergency addresses of the environment %1</source>
        <translation>liefert die Notfall-Adressen der Umgebung aus: %1</translation>
    </message>
    <message>
        <source>%1: %2; no fallback addresses</source>
        <translation>%1: %2; keine Fallback-Adressen</translation>
    </message>
    <message>
        <source>%1: %2; %3</source>
        <translation>%1: %2; %3</translation>
    </message>
    <message>
        <source>after a failure</source>
        <translation>nach einem Ausfall</translation>
    </message>
    <message>
        <source>after serving stale addresses</source>
        <translation>nach Auslieferung veralteter Adressen</translation>
    </message>
    <message>
        <source>after serving pinned addresses</source>
        <translation>nach Auslieferung festgelegter Adressen</translation>
    </message>
    <message>
        <source>after serving the emergency addresses of the environment</source>
        <translation>nach Auslieferung der Notfall-Adressen der Umgebung</translation>
    </message>
    <message>
        <source>after serving from %1</source>
        <translation>nach Rückgriff auf %1</translation>
    </message>
    <message>
        <source>%1 resolves again (%2)</source>
        <translation>%1 wird wieder aufgelöst (%2)</translation>
    </message>
    <message>
        <source>%1 resolves again: %2 (%3)</source>
        <translation>%1 wird wieder aufgelöst: %2 (%3)</translation>
    </message>
    <message>
        <source>%1 now answers: %2 (was %3)</source>
        <translation>%1 antwortet jetzt: %2 (war %3)</translation>
    </message>
    <message>
        <source>%1 exists again: %2</source>
        <translation>%1 existiert wieder: %2</translation>
    </message>
    <message>
        <source>%1 changed from %2 to %3</source>
        <translation>%1 geändert von %2 auf %3</translation>
    </message>
    <message>
        <source>%1: the compared resolvers answer differently</source>
        <translation>%1: die verglichenen Resolver antworten verschieden</translation>
    </message>
    <message>
        <source>%1: the compared resolvers agree again</source>
        <translation>%1: die verglichenen Resolver sind sich wieder einig</translation>
    </message>
    <message>
        <source>%1: a server of the zone lags behind its newest serial (%2)</source>
        <translation>%1: ein Server der Zone hängt hinter ihrer neuesten Seriennummer zurück (%2)</translation>
    </message>
    <message>
        <source>%1: every server of the zone has the same serial again (%2)</source>
        <translation>%1: alle Server der Zone haben wieder dieselbe Seriennummer (%2)</translation>
    </message>
    <message>
        <source>%1 (via %2): the zone&apos;s DNSSEC signatures expire soon</source>
        <translation>%1 (über %2): die DNSSEC-Signaturen der Zone laufen bald ab</translation>
    </message>
    <message>
        <source>%1 (via %2): the zone&apos;s DNSSEC signatures have expired</source>
        <translation>%1 (über %2): die DNSSEC-Signaturen der Zone sind abgelaufen</translation>
    </message>
    <message>
        <source>%1 (via %2): the zone&apos;s DNSSEC signatures are valid for long enough again</source>
        <translation>%1 (über %2): die DNSSEC-Signaturen der Zone sind wieder lange genug gültig</translation>
    </message>
    <message>
        <source>%1; the server&apos;s reason: %2</source>
        <translation>%1; Grund des Servers: %2</translation>
    </message>
</context>
<context>
    <name>EventsPane</name>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Filter events by target, host or kind...</source>
        <translation>Ereignisse nach Ziel, Host oder Art filtern...</translation>
    </message>
    <message>
        <source>&amp;Copy events</source>
        <translation>Ereignisse &amp;kopieren</translation>
    </message>
    <message>
        <source>Events of kind</source>
        <translation>Ereignisse nach Art</translation>
    </message>
    <message>
        <source>Events of target</source>
        <translation>Ereignisse nach Ziel</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>Alle Ziele</translation>
    </message>
    <message>
        <source>The event log, newest first; Ctrl+C copies the selected events</source>
        <translation>Das Ereignisprotokoll, neueste zuerst; Strg+C kopiert die ausgewählten Ereignisse</translation>
    </message>
</context>
<context>
    <name>ExtendedErrorWords</name>
    <message>
        <source>Other Error</source>
        <translation>Sonstiger Fehler</translation>
    </message>
    <message>
        <source>Unsupported DNSKEY Algorithm</source>
        <translation>DNSKEY-Algorithmus nicht unterstützt</translation>
    </message>
    <message>
        <source>Unsupported DS Digest Type</source>
        <translation>DS-Digest-Typ nicht unterstützt</translation>
    </message>
    <message>
        <source>Stale Answer</source>
        <translation>Veraltete Antwort</translation>
    </message>
    <message>
        <source>Forged Answer</source>
        <translation>Gefälschte Antwort</translation>
    </message>
    <message>
        <source>DNSSEC Indeterminate</source>
        <translation>DNSSEC unbestimmt</translation>
    </message>
    <message>
        <source>DNSSEC Bogus</source>
        <translation>DNSSEC ungültig</translation>
    </message>
    <message>
        <source>Signature Expired</source>
        <translation>Signatur abgelaufen</translation>
    </message>
    <message>
        <source>Signature Not Yet Valid</source>
        <translation>Signatur noch nicht gültig</translation>
    </message>
    <message>
        <source>DNSKEY Missing</source>
        <translation>DNSKEY fehlt</translation>
    </message>
    <message>
        <source>RRSIGs Missing</source>
        <translation>RRSIGs fehlen</translation>
    </message>
    <message>
        <source>No Zone Key Bit Set</source>
        <translation>Zone-Key-Bit nicht gesetzt</translation>
    </message>
    <message>
        <source>NSEC Missing</source>
        <translation>NSEC fehlt</translation>
    </message>
    <message>
        <source>Cached Error</source>
        <translation>Fehler aus dem Cache</translation>
    </message>
    <message>
        <source>Not Ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Censored</source>
        <translation>Zensiert</translation>
    </message>
    <message>
        <source>Filtered</source>
        <translation>Gefiltert</translation>
    </message>
    <message>
        <source>Prohibited</source>
        <translation>Verboten</translation>
    </message>
    <message>
        <source>Stale NXDomain Answer</source>
        <translation>Veraltete NXDOMAIN-Antwort</translation>
    </message>
    <message>
        <source>Not Authoritative</source>
        <translation>Nicht autoritativ</translation>
    </message>
    <message>
        <source>Not Supported</source>
        <translation>Nicht unterstützt</translation>
    </message>
    <message>
        <source>No Reachable Authority</source>
        <translation>Kein autoritativer Server erreichbar</translation>
    </message>
    <message>
        <source>Network Error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>Invalid Data</source>
        <translation>Ungültige Daten</translation>
    </message>
    <message>
        <source>Signature Expired before Valid</source>
        <translation>Signatur vor Gültigkeitsbeginn abgelaufen</translation>
    </message>
    <message>
        <source>Too Early</source>
        <translation>Zu früh</translation>
    </message>
    <message>
        <source>Unsupported NSEC3 Iterations Value</source>
        <translation>NSEC3-Iterationszahl nicht unterstützt</translation>
    </message>
    <message>
        <source>Unable to conform to policy</source>
        <translation>Richtlinie nicht einhaltbar</translation>
    </message>
    <message>
        <source>Synthesized</source>
        <translation>Synthetisiert</translation>
    </message>
    <message>
        <source>EDE %1</source>
        <translation>EDE %1</translation>
    </message>
    <message>
        <source>%1 (EDE %2)</source>
        <translation>%1 (EDE %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>FallbackMarkers</name>
    <message numerus="yes">
        <source>%1
… %n events in all, the last:
%2</source>
        <translation>
            <numerusform>%1
… insgesamt %n Ereignis, das letzte:
%2</numerusform>
            <numerusform>%1
… insgesamt %n Ereignisse, das letzte:
%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesIndicator</name>
    <message>
        <source>Files of this dashboard</source>
        <translation>Dateien dieses Dashboards</translation>
    </message>
    <message>
        <source>History on</source>
        <translation>Verlauf an</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>History off</source>
        <translation>Verlauf aus</translation>
    </message>
    <message>
        <source>History: none (give one with --db FILE)</source>
        <translation>Verlauf: keiner (mit --db DATEI angeben)</translation>
    </message>
    <message>
        <source>History: none, %1</source>
        <translation>Verlauf: keiner, %1</translation>
    </message>
    <message>
        <source>Config: no file (the demo lab)</source>
        <translation>Konfiguration: keine Datei (das Demo-Labor)</translation>
    </message>
    <message>
        <source>Config file: %1</source>
        <translation>Konfigurationsdatei: %1</translation>
    </message>
</context>
<context>
    <name>FilteredTable</name>
    <message>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Shows only the rows that contain this text</source>
        <translation>Zeigt nur die Zeilen, die diesen Text enthalten</translation>
    </message>
</context>
<context>
    <name>GlanceStrip</name>
    <message>
        <source>Clear</source>
        <translation>Aufheben</translation>
    </message>
    <message>
        <source>Figures at a glance</source>
        <translation>Kennzahlen auf einen Blick</translation>
    </message>
    <message>
        <source>Show every target again (Esc on a figure)</source>
        <translation>Wieder alle Ziele zeigen (Esc auf einer Kennzahl)</translation>
    </message>
    <message>
        <source>Clear the figure&apos;s filter</source>
        <translation>Filter der Kennzahl aufheben</translation>
    </message>
    <message>
        <source>Figures for all places</source>
        <translation>Kennzahlen für alle Orte</translation>
    </message>
    <message>
        <source>Figures for %1 only</source>
        <translation>Kennzahlen nur für %1</translation>
    </message>
    <message>
        <source>Showing: %1</source>
        <translation>Angezeigt: %1</translation>
    </message>
    <message>
        <source>–</source>
        <comment>no figure</comment>
        <translation>–</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a success rate</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>schlecht</translation>
    </message>
    <message>
        <source>Good from %1 %, a warning from %2 %, bad below.</source>
        <translation>Gut ab %1 %, Warnung ab %2 %, darunter schlecht.</translation>
    </message>
    <message>
        <source>Good at 0; any target down is bad.</source>
        <translation>Gut bei 0; jedes ausgefallene Ziel ist schlecht.</translation>
    </message>
    <message>
        <source>Good at 0; any is a warning: DNS fails there, a fallback keeps the target reachable.</source>
        <translation>Gut bei 0; jedes ist eine Warnung: DNS versagt dort, ein Fallback hält das Ziel erreichbar.</translation>
    </message>
    <message>
        <source>Sparkline: the last hour, a sample every 10 s.</source>
        <translation>Verlaufslinie: die letzte Stunde, ein Wert alle 10 s.</translation>
    </message>
    <message>
        <source>Click (or Space, Enter) to show only the %1; again, or Esc, to show all.</source>
        <translation>Klicken (oder Leertaste, Eingabe) zeigt nur diese: %1; noch einmal, oder Esc, zeigt alle.</translation>
    </message>
    <message>
        <source>%1, %2. %3. Press to show only the %4.</source>
        <translation>%1, %2. %3. Drücken zeigt nur diese: %4.</translation>
    </message>
    <message>
        <source>By place:</source>
        <translation>Nach Ort:</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>%1: no rate yet</source>
        <translation>%1: noch kein Wert</translation>
    </message>
    <message>
        <source>DNS success, 5 min</source>
        <translation>DNS-Erfolg, 5 min</translation>
    </message>
    <message>
        <source>DNS success, 1 h</source>
        <translation>DNS-Erfolg, 1 h</translation>
    </message>
    <message>
        <source>Service success, 5 min</source>
        <translation>Dienst-Erfolg, 5 min</translation>
    </message>
    <message>
        <source>Fallback: stale</source>
        <translation>Fallback: veraltet</translation>
    </message>
    <message>
        <source>Fallback: pinned</source>
        <translation>Fallback: festgelegt</translation>
    </message>
    <message>
        <source>Fallback: env</source>
        <translation>Fallback: Umgebung</translation>
    </message>
    <message>
        <source>Targets down</source>
        <translation>Ziele ausgefallen</translation>
    </message>
    <message>
        <source>targets with a failed DNS lookup in the last 5 minutes</source>
        <translation>Ziele mit einer fehlgeschlagenen DNS-Auflösung in den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>targets with a failed DNS lookup in the last hour</source>
        <translation>Ziele mit einer fehlgeschlagenen DNS-Auflösung in der letzten Stunde</translation>
    </message>
    <message>
        <source>targets with a failed service check in the last 5 minutes</source>
        <translation>Ziele mit einer fehlgeschlagenen Dienstprüfung in den letzten 5 Minuten</translation>
    </message>
    <message>
        <source>targets answered from the stale cache</source>
        <translation>Ziele, die der veraltete Cache beantwortet</translation>
    </message>
    <message>
        <source>targets answered by pinned addresses</source>
        <translation>Ziele, die festgelegte Adressen beantworten</translation>
    </message>
    <message>
        <source>targets answered by the environment&apos;s fallback addresses</source>
        <translation>Ziele, die die Fallback-Adressen der Umgebung beantworten</translation>
    </message>
    <message>
        <source>targets down</source>
        <translation>ausgefallene Ziele</translation>
    </message>
    <message>
        <source>DNS resolution success over the last 5 minutes: the share of lookups answered by a live lookup or the cache, not by a fallback (stale, pinned, environment). Averaged over the targets: each target counts the same, whatever its interval.</source>
        <translation>Erfolg der DNS-Auflösung in den letzten 5 Minuten: der Anteil der Auflösungen, die eine Live-Abfrage oder der Cache beantwortet hat, nicht ein Fallback (veraltet, festgelegt, Umgebung). Gemittelt über die Ziele: jedes Ziel zählt gleich, wie oft es auch geprüft wird.</translation>
    </message>
    <message>
        <source>DNS resolution success over the last hour: the share of lookups answered by a live lookup or the cache, not by a fallback (stale, pinned, environment). Averaged over the targets: each target counts the same, whatever its interval.</source>
        <translation>Erfolg der DNS-Auflösung in der letzten Stunde: der Anteil der Auflösungen, die eine Live-Abfrage oder der Cache beantwortet hat, nicht ein Fallback (veraltet, festgelegt, Umgebung). Gemittelt über die Ziele: jedes Ziel zählt gleich, wie oft es auch geprüft wird.</translation>
    </message>
    <message>
        <source>Service check success over the last 5 minutes: the share of checks the service answered, averaged over the targets.</source>
        <translation>Erfolg der Dienstprüfungen in den letzten 5 Minuten: der Anteil der Prüfungen, auf die der Dienst geantwortet hat, gemittelt über die Ziele.</translation>
    </message>
    <message>
        <source>Targets answered from the stale cache now: DNS failed and an expired answer is served.</source>
        <translation>Ziele, die jetzt der veraltete Cache beantwortet: DNS ist fehlgeschlagen, eine abgelaufene Antwort wird ausgeliefert.</translation>
    </message>
    <message>
        <source>Targets answered by pinned addresses now (pinned by an operator or the config): DNS failed.</source>
        <translation>Ziele, die jetzt festgelegte Adressen beantworten (von einem Operator oder der Konfiguration festgelegt): DNS ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Targets answered by the environment&apos;s fallback addresses now (DNSWATCH_FALLBACK_IPS): DNS failed.</source>
        <translation>Ziele, die jetzt die Fallback-Adressen der Umgebung beantworten (DNSWATCH_FALLBACK_IPS): DNS ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Targets down: not reachable, not even through a fallback.</source>
        <translation>Ausgefallene Ziele: nicht erreichbar, auch nicht über einen Fallback.</translation>
    </message>
</context>
<context>
    <name>HeartbeatDelegate</name>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>DNS answered</source>
        <translation>DNS hat geantwortet</translation>
    </message>
    <message>
        <source>answered from the cache</source>
        <translation>aus dem Cache beantwortet</translation>
    </message>
    <message>
        <source>stale answer served</source>
        <translation>veraltete Antwort ausgeliefert</translation>
    </message>
    <message>
        <source>pinned addresses served</source>
        <translation>festgelegte Adressen ausgeliefert</translation>
    </message>
    <message>
        <source>environment fallback served</source>
        <translation>Fallback der Umgebung ausgeliefert</translation>
    </message>
    <message>
        <source>service answered</source>
        <translation>Dienst hat geantwortet</translation>
    </message>
    <message>
        <source>service did not answer</source>
        <translation>Dienst hat nicht geantwortet</translation>
    </message>
    <message>
        <source>no service check</source>
        <translation>keine Dienstprüfung</translation>
    </message>
    <message>
        <source>%1: %2; %3</source>
        <translation>%1: %2; %3</translation>
    </message>
    <message>
        <source>answer not DNSSEC-validated as required</source>
        <translation>Antwort nicht wie verlangt per DNSSEC validiert</translation>
    </message>
</context>
<context>
    <name>LatencyChart</name>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>%1 p50-p95</source>
        <translation>%1 p50-p95</translation>
    </message>
    <message>
        <source>%1: latency (p50, band to p95)</source>
        <translation>%1: Latenz (p50, Band bis p95)</translation>
    </message>
    <message>
        <source>DNS: the median time of the lookups, the band up to their 95th percentile.
Service: the same for the service checks.</source>
        <translation>DNS: die mittlere Dauer der Abfragen (Median), das Band bis zu ihrem 95. Perzentil.
Dienst: dasselbe für die Dienstprüfungen.</translation>
    </message>
</context>
<context>
    <name>LocalPlace</name>
    <message>
        <source>%1: no such target here</source>
        <translation>%1: kein solches Ziel hier</translation>
    </message>
</context>
<context>
    <name>LocaleWords</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
<context>
    <name>MachineWords</name>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>down</source>
        <translation>ausgefallen</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>fresh</source>
        <translation>frisch</translation>
    </message>
    <message>
        <source>fresh: a live lookup answered just now</source>
        <translation>frisch: eine Live-Abfrage hat eben geantwortet</translation>
    </message>
    <message>
        <source>cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <source>cache: an answer from the cache, within its TTL</source>
        <translation>Cache: eine Antwort aus dem Cache, innerhalb ihrer TTL</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>stale: the cached answer past its TTL, served because the nameservers did not answer (RFC 8767)</source>
        <translation>veraltet: die Antwort aus dem Cache nach Ablauf ihrer TTL, ausgeliefert, weil die Nameserver nicht antworteten (RFC 8767)</translation>
    </message>
    <message>
        <source>pinned</source>
        <translation>festgelegt</translation>
    </message>
    <message>
        <source>pinned: fallback addresses pinned by an operator or in the config</source>
        <translation>festgelegt: Fallback-Adressen, von einem Operator oder in der Konfiguration festgelegt</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>environment: the emergency addresses of DNSWATCH_FALLBACK_IPS</source>
        <translation>Umgebung: die Notfall-Adressen aus DNSWATCH_FALLBACK_IPS</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>the nameservers did not answer in time</source>
        <translation>die Nameserver antworteten nicht rechtzeitig</translation>
    </message>
    <message>
        <source>server failure (SERVFAIL)</source>
        <translation>Serverfehler (SERVFAIL)</translation>
    </message>
    <message>
        <source>the nameserver could not give an answer (SERVFAIL)</source>
        <translation>der Nameserver konnte keine Antwort geben (SERVFAIL)</translation>
    </message>
    <message>
        <source>refused (REFUSED)</source>
        <translation>abgelehnt (REFUSED)</translation>
    </message>
    <message>
        <source>the nameserver refused to answer (REFUSED)</source>
        <translation>der Nameserver hat die Antwort verweigert (REFUSED)</translation>
    </message>
    <message>
        <source>no such name (NXDOMAIN)</source>
        <translation>Name existiert nicht (NXDOMAIN)</translation>
    </message>
    <message>
        <source>the name does not exist (NXDOMAIN): an answer, not an outage (RFC 2308)</source>
        <translation>der Name existiert nicht (NXDOMAIN): eine Antwort, kein Ausfall (RFC 2308)</translation>
    </message>
    <message>
        <source>no such address (NODATA)</source>
        <translation>keine solche Adresse (NODATA)</translation>
    </message>
    <message>
        <source>the name exists but has no address of the kind asked for (NODATA)</source>
        <translation>der Name existiert, hat aber keine Adresse der gefragten Art (NODATA)</translation>
    </message>
    <message>
        <source>network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <source>the nameservers could not be reached</source>
        <translation>die Nameserver waren nicht erreichbar</translation>
    </message>
    <message>
        <source>unreadable answer</source>
        <translation>unlesbare Antwort</translation>
    </message>
    <message>
        <source>the nameserver&apos;s answer could not be read</source>
        <translation>die Antwort des Nameservers war nicht lesbar</translation>
    </message>
    <message>
        <source>Fallback entered</source>
        <translation>In Fallback gewechselt</translation>
    </message>
    <message>
        <source>Recovered</source>
        <translation>Wiederhergestellt</translation>
    </message>
    <message>
        <source>Resolution failed</source>
        <translation>Auflösung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Addresses changed</source>
        <translation>Adressen geändert</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Festgelegt</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>Festlegung aufgehoben</translation>
    </message>
    <message>
        <source>Forced re-resolve</source>
        <translation>Erzwungene Neuauflösung</translation>
    </message>
    <message>
        <source>Cache cleared</source>
        <translation>Cache geleert</translation>
    </message>
    <message>
        <source>State changed</source>
        <translation>Zustand geändert</translation>
    </message>
    <message>
        <source>Probing paused</source>
        <translation>Prüfen pausiert</translation>
    </message>
    <message>
        <source>Probing resumed</source>
        <translation>Prüfen fortgesetzt</translation>
    </message>
    <message>
        <source>Probe requested</source>
        <translation>Prüfung angefordert</translation>
    </message>
    <message>
        <source>Events missed</source>
        <translation>Ereignisse verpasst</translation>
    </message>
    <message>
        <source>negative</source>
        <translation>negativ</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>service not checked</source>
        <translation>Dienst nicht geprüft</translation>
    </message>
    <message>
        <source>service answered</source>
        <translation>Dienst antwortete</translation>
    </message>
    <message>
        <source>service check failed</source>
        <translation>Dienstprüfung fehlgeschlagen</translation>
    </message>
    <message>
        <source>service check failed: %1</source>
        <translation>Dienstprüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>TLS failure</source>
        <translation>TLS-Fehler</translation>
    </message>
    <message>
        <source>the encrypted connection to the nameserver failed: its handshake or its certificate</source>
        <translation>die verschlüsselte Verbindung zum Nameserver ist gescheitert: am Handshake oder an seinem Zertifikat</translation>
    </message>
    <message>
        <source>unexpected answer</source>
        <translation>unerwartete Antwort</translation>
    </message>
    <message>
        <source>the answer held an address outside the target&apos;s expected ranges</source>
        <translation>die Antwort enthielt eine Adresse außerhalb der erwarteten Bereiche des Ziels</translation>
    </message>
    <message>
        <source>not validated (DNSSEC)</source>
        <translation>nicht validiert (DNSSEC)</translation>
    </message>
    <message>
        <source>the resolver gave the addresses without DNSSEC validation (no AD flag), which the target requires</source>
        <translation>der Resolver gab die Adressen ohne DNSSEC-Validierung (ohne AD-Flag), die das Ziel verlangt</translation>
    </message>
    <message>
        <source>Resolvers disagree</source>
        <translation>Resolver uneinig</translation>
    </message>
    <message>
        <source>Resolvers agree again</source>
        <translation>Resolver wieder einig</translation>
    </message>
    <message>
        <source>Answer changed (alert)</source>
        <translation>Antwort geändert (Alarm)</translation>
    </message>
    <message>
        <source>Zone serials diverged</source>
        <translation>Seriennummern der Zone weichen ab</translation>
    </message>
    <message>
        <source>Zone serials agree again</source>
        <translation>Seriennummern der Zone stimmen wieder überein</translation>
    </message>
    <message>
        <source>Zone signatures expiring</source>
        <translation>Zonensignaturen laufen ab</translation>
    </message>
    <message>
        <source>Zone signatures expired</source>
        <translation>Zonensignaturen abgelaufen</translation>
    </message>
    <message>
        <source>Zone signatures fine again</source>
        <translation>Zonensignaturen wieder in Ordnung</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DNS Watch</source>
        <translation>DNS Watch</translation>
    </message>
    <message>
        <source>C&amp;harts</source>
        <translation>Dia&amp;gramme</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <translation>&amp;Cache</translation>
    </message>
    <message>
        <source>&amp;Re-resolve</source>
        <translation>&amp;Neu auflösen</translation>
    </message>
    <message>
        <source>Look the selected targets up again, past the fresh cache</source>
        <translation>Die ausgewählten Ziele erneut auflösen, am frischen Cache vorbei</translation>
    </message>
    <message>
        <source>Re-resolve &amp;all</source>
        <translation>&amp;Alle neu auflösen</translation>
    </message>
    <message>
        <source>Look every target up again, past the fresh cache</source>
        <translation>Alle Ziele erneut auflösen, am frischen Cache vorbei</translation>
    </message>
    <message>
        <source>&amp;Pin fallback addresses...</source>
        <translation>Fallback-Adressen &amp;festlegen...</translation>
    </message>
    <message>
        <source>Addresses to serve for the selected target when DNS cannot answer</source>
        <translation>Adressen, die für das ausgewählte Ziel ausgeliefert werden, wenn DNS nicht antworten kann</translation>
    </message>
    <message>
        <source>&amp;Unpin</source>
        <translation>Festlegung a&amp;ufheben</translation>
    </message>
    <message>
        <source>Remove the pinned fallback addresses of the selected targets</source>
        <translation>Die festgelegten Fallback-Adressen der ausgewählten Ziele entfernen</translation>
    </message>
    <message>
        <source>Probe &amp;now</source>
        <translation>&amp;Jetzt prüfen</translation>
    </message>
    <message>
        <source>Probe the selected targets now</source>
        <translation>Die ausgewählten Ziele sofort prüfen</translation>
    </message>
    <message>
        <source>Stop probing the selected targets</source>
        <translation>Die ausgewählten Ziele nicht mehr prüfen</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>Fort&amp;setzen</translation>
    </message>
    <message>
        <source>Probe the selected targets again</source>
        <translation>Die ausgewählten Ziele wieder prüfen</translation>
    </message>
    <message>
        <source>No desktop notifications for the selected targets</source>
        <translation>Keine Desktop-Benachrichtigungen für die ausgewählten Ziele</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Search targets, hosts, addresses...</source>
        <translation>Ziele, Hosts, Adressen durchsuchen...</translation>
    </message>
    <message numerus="yes">
        <source>Re-resolving %n target(s)...</source>
        <translation>
            <numerusform>%n Ziel wird neu aufgelöst...</numerusform>
            <numerusform>%n Ziele werden neu aufgelöst...</numerusform>
        </translation>
    </message>
    <message>
        <source>Pinned %1 for %2</source>
        <translation>%1 für %2 festgelegt</translation>
    </message>
    <message>
        <source>unpinned in the dashboard</source>
        <translation>Festlegung im Dashboard aufgehoben</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Einstellungen...</translation>
    </message>
    <message>
        <source>Edit the targets, resolvers, cache policy and probe timing</source>
        <translation>Ziele, Resolver, Cache-Richtlinie und Zeitverhalten der Prüfungen bearbeiten</translation>
    </message>
    <message>
        <source>Settings saved to %1 and applied</source>
        <translation>Einstellungen in %1 gespeichert und übernommen</translation>
    </message>
    <message>
        <source>Settings saved to %1; takes a restart: %2</source>
        <translation>Einstellungen in %1 gespeichert; Neustart nötig für: %2</translation>
    </message>
    <message>
        <source>&amp;Export health report...</source>
        <translation>&amp;Gesundheitsbericht exportieren...</translation>
    </message>
    <message>
        <source>Reports are made from the history: start with --db FILE</source>
        <translation>Berichte entstehen aus dem Verlauf: mit --db DATEI starten</translation>
    </message>
    <message>
        <source>HTML, PDF, CSV or JSON, for a range and targets</source>
        <translation>HTML, PDF, CSV oder JSON, für einen Zeitraum und Ziele</translation>
    </message>
    <message>
        <source>Health report written: %1</source>
        <translation>Gesundheitsbericht geschrieben: %1</translation>
    </message>
    <message>
        <source>Health report not written: %1</source>
        <translation>Gesundheitsbericht nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>dieser Rechner</translation>
    </message>
    <message>
        <source>Agent %1 does not answer: %2</source>
        <translation>Agent %1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>All places</source>
        <translation>Alle Orte</translation>
    </message>
    <message>
        <source>%1 (unreachable)</source>
        <translation>%1 (nicht erreichbar)</translation>
    </message>
    <message>
        <source>Show the targets of</source>
        <translation>Ziele anzeigen von</translation>
    </message>
    <message>
        <source>Show the targets of one place: this machine or an agent</source>
        <translation>Nur die Ziele eines Ortes anzeigen: dieser Rechner oder ein Agent</translation>
    </message>
    <message>
        <source>Connect to &amp;agent...</source>
        <translation>Mit &amp;Agent verbinden...</translation>
    </message>
    <message>
        <source>Watch the targets of a DNS Watch agent elsewhere</source>
        <translation>Die Ziele eines DNS-Watch-Agenten an einem anderen Ort beobachten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Wall display</source>
        <translation>&amp;Wandanzeige</translation>
    </message>
    <message>
        <source>Every target as a large tile, full screen, for a screen on the wall</source>
        <translation>Jedes Ziel als große Kachel, bildschirmfüllend, für einen Bildschirm an der Wand</translation>
    </message>
    <message>
        <source>Success, latency and cache state over time</source>
        <translation>Erfolg, Latenz und Cache-Zustand im Zeitverlauf</translation>
    </message>
    <message>
        <source>What happened: fallbacks, recoveries, actions, state changes</source>
        <translation>Was geschah: Fallbacks, Erholungen, Aktionen, Zustandswechsel</translation>
    </message>
    <message>
        <source>What the resolver&apos;s cache holds, and clearing it</source>
        <translation>Was der Cache des Resolvers enthält, und ihn leeren</translation>
    </message>
    <message>
        <source>Pau&amp;se</source>
        <translation>&amp;Pausieren</translation>
    </message>
    <message>
        <source>Mu&amp;te notifications</source>
        <translation>Benachrichtigungen stu&amp;mmschalten</translation>
    </message>
    <message>
        <source>One row per target; the arrow keys move between rows, the Menu key opens the actions for the selected ones</source>
        <translation>Eine Zeile pro Ziel; die Pfeiltasten wechseln die Zeile, die Menütaste öffnet die Aktionen für die ausgewählten</translation>
    </message>
    <message>
        <source>&amp;Paths</source>
        <translation>&amp;Pfade</translation>
    </message>
    <message>
        <source>Ans&amp;wer changes</source>
        <translation>Antwort&amp;wechsel</translation>
    </message>
    <message>
        <source>The selected target through each compared resolver, side by side</source>
        <translation>Das gewählte Ziel über jeden verglichenen Resolver, nebeneinander</translation>
    </message>
    <message>
        <source>Each change of the chosen target&apos;s answer: when, through which resolver, from what to what, and the TTL</source>
        <translation>Jede Änderung der Antwort des gewählten Ziels: wann, über welchen Resolver, von was zu was, und die TTL</translation>
    </message>
    <message>
        <source>The answer changes in the history could not be read: %1</source>
        <translation>Die Antwortwechsel im Verlauf konnten nicht gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>PathsPane</name>
    <message>
        <source>may differ (expected)</source>
        <translation>darf abweichen (erwartet)</translation>
    </message>
    <message>
        <source>differs</source>
        <translation>weicht ab</translation>
    </message>
    <message>
        <source>agrees</source>
        <translation>stimmt überein</translation>
    </message>
    <message>
        <source>Agreement of the compared resolvers</source>
        <translation>Übereinstimmung der verglichenen Resolver</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>Rest-TTL</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Übereinstimmung</translation>
    </message>
    <message>
        <source>Compared resolvers</source>
        <translation>Verglichene Resolver</translation>
    </message>
    <message>
        <source>Pick one of this machine&apos;s targets to see its compared resolvers.</source>
        <translation>Wählen Sie ein Ziel dieses Rechners, um seine verglichenen Resolver zu sehen.</translation>
    </message>
    <message>
        <source>%1 compares no resolvers: list them in its &quot;compare&quot; setting.</source>
        <translation>%1 vergleicht keine Resolver: tragen Sie sie in seiner Einstellung &quot;compare&quot; ein.</translation>
    </message>
    <message>
        <source>%1: not probed yet.</source>
        <translation>%1: noch nicht geprüft.</translation>
    </message>
    <message>
        <source>%1: the compared resolvers agree.</source>
        <translation>%1: die verglichenen Resolver stimmen überein.</translation>
    </message>
    <message>
        <source>%1: the compared resolvers answer differently (%2).</source>
        <translation>%1: die verglichenen Resolver antworten verschieden (%2).</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>%1: the agent reports no compared resolvers (the target compares none, or was not probed yet).</source>
        <translation>%1: der Agent meldet keine verglichenen Resolver (das Ziel vergleicht keine, oder es wurde noch nicht geprüft).</translation>
    </message>
    <message>
        <source>Zone signatures</source>
        <translation>Zonensignaturen</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Pin fallback addresses for %1</source>
        <translation>Fallback-Adressen für %1 festlegen</translation>
    </message>
    <message>
        <source>e.g. 10.0.0.5, fd00::5</source>
        <translation>z. B. 10.0.0.5, fd00::5</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>Problem with the addresses</source>
        <translation>Problem mit den Adressen</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <source>why, e.g. a ticket number</source>
        <translation>warum, z. B. eine Ticketnummer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>DNS Watch serves these addresses for &lt;b&gt;%1&lt;/b&gt; when DNS and the stale cache cannot answer.</source>
        <translation>DNS Watch liefert diese Adressen für &lt;b&gt;%1&lt;/b&gt; aus, wenn weder DNS noch der veraltete Cache antworten können.</translation>
    </message>
    <message>
        <source>&amp;Addresses:</source>
        <translation>&amp;Adressen:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>Ablauf:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <source>Enter at least one IPv4 or IPv6 address.</source>
        <translation>Geben Sie mindestens eine IPv4- oder IPv6-Adresse ein.</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>„%1“: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is given twice.</source>
        <translation>„%1“ ist doppelt angegeben.</translation>
    </message>
    <message>
        <source>The expiry is in the past.</source>
        <translation>Der Ablauf liegt in der Vergangenheit.</translation>
    </message>
</context>
<context>
    <name>PolicyFields</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>M&amp;inimum TTL:</source>
        <translation>&amp;Mindest-TTL:</translation>
    </message>
    <message>
        <source>Record TTLs shorter than this are raised to it.</source>
        <translation>Kürzere Record-TTLs werden auf diesen Wert angehoben.</translation>
    </message>
    <message>
        <source>Ma&amp;ximum TTL:</source>
        <translation>&amp;Höchst-TTL:</translation>
    </message>
    <message>
        <source>Record TTLs longer than this are cut to it.</source>
        <translation>Längere Record-TTLs werden auf diesen Wert gekürzt.</translation>
    </message>
    <message>
        <source>&amp;Default TTL:</source>
        <translation>Stan&amp;dard-TTL:</translation>
    </message>
    <message>
        <source>The TTL of answers that carry none (the system resolver&apos;s).</source>
        <translation>Die TTL für Antworten, die keine mitliefern (die des System-Resolvers).</translation>
    </message>
    <message>
        <source>&amp;Stale answer TTL:</source>
        <translation>TTL für &amp;veraltete Antworten:</translation>
    </message>
    <message>
        <source>The TTL a stale answer is served with (RFC 8767).</source>
        <translation>Die TTL, mit der eine veraltete Antwort ausgeliefert wird (RFC 8767).</translation>
    </message>
    <message>
        <source>Serve stale &amp;for:</source>
        <translation>Veraltet ausliefern &amp;für:</translation>
    </message>
    <message>
        <source>How long after it expired an answer may still be served stale (RFC 8767 suggests one to three days).</source>
        <translation>Wie lange nach ihrem Ablauf eine Antwort noch veraltet ausgeliefert werden darf (RFC 8767 empfiehlt ein bis drei Tage).</translation>
    </message>
    <message>
        <source>&amp;Negative caching cap:</source>
        <translation>Obergrenze für &amp;negatives Caching:</translation>
    </message>
    <message>
        <source>The longest NXDOMAIN and NODATA answers are cached (RFC 2308).</source>
        <translation>Wie lange NXDOMAIN- und NODATA-Antworten höchstens zwischengespeichert werden (RFC 2308).</translation>
    </message>
    <message>
        <source>Client &amp;response timer:</source>
        <translation>Client-&amp;Antwort-Timer:</translation>
    </message>
    <message>
        <source>A lookup slower than this is answered from the fallback tiers meanwhile (RFC 8767 suggests 1.8 s).</source>
        <translation>Dauert eine Auflösung länger, wird in der Zwischenzeit aus den Fallback-Stufen geantwortet (RFC 8767 empfiehlt 1,8 s).</translation>
    </message>
    <message>
        <source>First refresh &amp;retry:</source>
        <translation>&amp;Erster Aktualisierungsversuch nach:</translation>
    </message>
    <message>
        <source>While fallback answers are served, the first refresh in the background comes after this, and the wait doubles...</source>
        <translation>Solange Fallback-Antworten ausgeliefert werden, folgt die erste Aktualisierung im Hintergrund nach dieser Zeit, und die Wartezeit verdoppelt sich...</translation>
    </message>
    <message>
        <source>&amp;Longest refresh retry:</source>
        <translation>&amp;Längste Wartezeit bis Aktualisierung:</translation>
    </message>
    <message>
        <source>...up to this.</source>
        <translation>...bis höchstens zu diesem Wert.</translation>
    </message>
    <message>
        <source>Stale for &amp;deleted names:</source>
        <translation>Veraltet für &amp;gelöschte Namen:</translation>
    </message>
    <message>
        <source>Serve stale answers for NXDOMAIN and NODATA too. Off: a name that was deleted is not &quot;down&quot;.</source>
        <translation>Veraltete Antworten auch bei NXDOMAIN und NODATA ausliefern. Aus: Ein gelöschter Name gilt nicht als „ausgefallen“.</translation>
    </message>
    <message>
        <source>Check &amp;timeout:</source>
        <translation>Check-&amp;Timeout:</translation>
    </message>
    <message>
        <source>How long one connect or HTTP request of a check may take.</source>
        <translation>Wie lange ein Verbindungsaufbau oder eine HTTP-Anfrage eines Checks dauern darf.</translation>
    </message>
    <message>
        <source>Probes at &amp;once:</source>
        <translation>&amp;Gleichzeitige Prüfungen:</translation>
    </message>
    <message>
        <source>How many targets are probed at the same time.</source>
        <translation>Wie viele Ziele gleichzeitig geprüft werden.</translation>
    </message>
    <message>
        <source>&amp;First re-probe after:</source>
        <translation>&amp;Erste Neuprüfung nach:</translation>
    </message>
    <message>
        <source>After a failed probe the target is probed again this soon, and the wait doubles...</source>
        <translation>Nach einer fehlgeschlagenen Prüfung wird das Ziel nach dieser Zeit erneut geprüft, und die Wartezeit verdoppelt sich...</translation>
    </message>
    <message>
        <source>&amp;Longest re-probe wait:</source>
        <translation>&amp;Längste Wartezeit bis Neuprüfung:</translation>
    </message>
    <message>
        <source>Check &amp;retries:</source>
        <translation>Check-&amp;Wiederholungen:</translation>
    </message>
    <message>
        <source>How often HTTP and MLflow checks retry 408, 429, 5xx answers and connection errors.</source>
        <translation>Wie oft HTTP- und MLflow-Checks bei Antworten 408, 429, 5xx und bei Verbindungsfehlern wiederholt werden.</translation>
    </message>
    <message>
        <source>Retry &amp;backoff factor:</source>
        <translation>&amp;Backoff-Faktor für Wiederholungen:</translation>
    </message>
    <message>
        <source>The wait before retry n is this factor times 2^(n-1), plus jitter.</source>
        <translation>Die Wartezeit vor Wiederholung n ist dieser Faktor mal 2^(n-1), plus Jitter.</translation>
    </message>
    <message>
        <source>Retry &amp;jitter:</source>
        <translation>&amp;Jitter für Wiederholungen:</translation>
    </message>
    <message>
        <source>A random extra wait before a retry, up to this.</source>
        <translation>Eine zufällige zusätzliche Wartezeit vor einer Wiederholung, höchstens dieser Wert.</translation>
    </message>
    <message>
        <source>Longest retry &amp;wait:</source>
        <translation>Längste Wartezeit &amp;vor Wiederholung:</translation>
    </message>
    <message>
        <source>No wait before a retry is longer than this.</source>
        <translation>Keine Wartezeit vor einer Wiederholung ist länger als dieser Wert.</translation>
    </message>
</context>
<context>
    <name>ProblemLabel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>re-resolve of %1 started</source>
        <translation>Neuauflösung von %1 gestartet</translation>
    </message>
    <message>
        <source>probe of %1 started</source>
        <translation>Prüfung von %1 gestartet</translation>
    </message>
    <message>
        <source>%1 paused</source>
        <translation>%1 pausiert</translation>
    </message>
    <message>
        <source>%1 resumed</source>
        <translation>%1 fortgesetzt</translation>
    </message>
    <message>
        <source>%1 pinned</source>
        <translation>%1 festgelegt</translation>
    </message>
    <message>
        <source>%1 unpinned</source>
        <translation>Festlegung von %1 aufgehoben</translation>
    </message>
    <message>
        <source>re-resolve of %1 not done: %2</source>
        <translation>Neuauflösung von %1 nicht ausgeführt: %2</translation>
    </message>
    <message>
        <source>probe of %1 not done: %2</source>
        <translation>Prüfung von %1 nicht ausgeführt: %2</translation>
    </message>
    <message>
        <source>pause of %1 not done: %2</source>
        <translation>Pause von %1 nicht ausgeführt: %2</translation>
    </message>
    <message>
        <source>resume of %1 not done: %2</source>
        <translation>Fortsetzen von %1 nicht ausgeführt: %2</translation>
    </message>
    <message>
        <source>pin for %1 not set: %2</source>
        <translation>Festlegung für %1 nicht gesetzt: %2</translation>
    </message>
    <message>
        <source>pin of %1 not removed: %2</source>
        <translation>Festlegung von %1 nicht entfernt: %2</translation>
    </message>
    <message>
        <source>agent %1: token file %2: %3</source>
        <translation>Agent %1: Token-Datei %2: %3</translation>
    </message>
    <message>
        <source>agent %1: token file %2 holds no token; expected the token on its first line</source>
        <translation>Agent %1: Token-Datei %2 enthält kein Token; erwartet wird das Token in der ersten Zeile</translation>
    </message>
</context>
<context>
    <name>ReadinessBanner</name>
    <message>
        <source>Overall readiness</source>
        <translation>Gesamtbereitschaft</translation>
    </message>
    <message>
        <source>NOT READY: %1</source>
        <translation>NICHT BEREIT: %1</translation>
    </message>
    <message numerus="yes">
        <source>Ready: %n target(s) kept reachable by fallback</source>
        <translation>
            <numerusform>Bereit: %n Ziel per Fallback erreichbar gehalten</numerusform>
            <numerusform>Bereit: %n Ziele per Fallback erreichbar gehalten</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready: every critical target reachable</source>
        <translation>Bereit: alle kritischen Ziele erreichbar</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>not ready</source>
        <translation>nicht bereit</translation>
    </message>
    <message>
        <source>%1 not answering since %2</source>
        <translation>%1 antwortet seit %2 nicht</translation>
    </message>
    <message>
        <source>Ready where seen</source>
        <translation>Bereit, soweit sichtbar</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiteres</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation>Verbindung zu %1 wird aufgebaut</translation>
    </message>
    <message>
        <source>no probe result for %1</source>
        <translation>seit %1 kein Prüfergebnis</translation>
    </message>
    <message>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
    <message>
        <source>No targets to watch yet</source>
        <translation>Noch keine Ziele zu beobachten</translation>
    </message>
</context>
<context>
    <name>RememberedAgents</name>
    <message>
        <source>The agent has no name.</source>
        <translation>Der Agent hat keinen Namen.</translation>
    </message>
    <message>
        <source>An agent of this name comes earlier.</source>
        <translation>Ein Agent dieses Namens steht schon weiter oben.</translation>
    </message>
    <message>
        <source>%1: agents/%2 (&quot;%3&quot;): %4 It is left out.</source>
        <translation>%1: agents/%2 („%3“): %4 Er wird ausgelassen.</translation>
    </message>
    <message>
        <source>The agents could not be saved in %1.</source>
        <translation>Die Agenten konnten nicht in %1 gespeichert werden.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>&amp;Open the report when it is written</source>
        <translation>Bericht nach dem Schreiben ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Export health report</source>
        <translation>Gesundheitsbericht exportieren</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Targets in the report</source>
        <translation>Ziele im Bericht</translation>
    </message>
    <message>
        <source>&amp;Targets:</source>
        <translation>Zi&amp;ele:</translation>
    </message>
    <message>
        <source>HTML (one file, for browsers)</source>
        <translation>HTML (eine Datei, für Browser)</translation>
    </message>
    <message>
        <source>PDF (paged, for print)</source>
        <translation>PDF (mit Seiten, zum Drucken)</translation>
    </message>
    <message>
        <source>CSV (raw results and events)</source>
        <translation>CSV (Rohergebnisse und Ereignisse)</translation>
    </message>
    <message>
        <source>JSON (for programs)</source>
        <translation>JSON (für Programme)</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>For&amp;mat:</translation>
    </message>
    <message>
        <source>Report file</source>
        <translation>Berichtsdatei</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>&amp;Durchsuchen...</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Da&amp;tei:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>From... to...</source>
        <translation>Von... bis...</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Choose at least one target.</source>
        <translation>Wählen Sie mindestens ein Ziel.</translation>
    </message>
    <message>
        <source>The range is empty: &quot;to&quot; must come after &quot;from&quot;.</source>
        <translation>Der Zeitraum ist leer: „bis“ muss nach „von“ liegen.</translation>
    </message>
    <message>
        <source>Give the report a file.</source>
        <translation>Geben Sie eine Datei für den Bericht an.</translation>
    </message>
    <message>
        <source>Reading the history...</source>
        <translation>Verlauf wird gelesen...</translation>
    </message>
    <message>
        <source>Writing the report...</source>
        <translation>Bericht wird geschrieben...</translation>
    </message>
    <message>
        <source>Not written: %1</source>
        <translation>Nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Written: %1 (%2)</source>
        <translation>Geschrieben: %1 (%2)</translation>
    </message>
    <message>
        <source>Report of</source>
        <translation>Bericht von</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>dieser Rechner</translation>
    </message>
    <message>
        <source>Report &amp;of:</source>
        <translation>Bericht &amp;von:</translation>
    </message>
    <message>
        <source>An agent&apos;s report covers all of its targets</source>
        <translation>Der Bericht eines Agenten umfasst alle seine Ziele</translation>
    </message>
    <message>
        <source>This machine keeps no history: start with --db FILE.</source>
        <translation>Dieser Rechner führt keinen Verlauf: mit --db DATEI starten.</translation>
    </message>
    <message>
        <source>Asking %1 for its report...</source>
        <translation>%1 wird nach seinem Bericht gefragt...</translation>
    </message>
</context>
<context>
    <name>ResolversPage</name>
    <message>
        <source>Resolvers</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>The resolvers targets can use. Changes to resolvers take effect when DNS Watch is started again.</source>
        <translation>Die Resolver, die Ziele verwenden können. Änderungen an Resolvern wirken erst nach einem Neustart von DNS Watch.</translation>
    </message>
    <message>
        <source>The operating system&apos;s resolver (its own servers and retries): always there, and only its timeout can be set here.</source>
        <translation>Der Resolver des Betriebssystems (mit eigenen Servern und Wiederholungen): immer vorhanden; hier lässt sich nur sein Timeout einstellen.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>What targets call this resolver: letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Der Name, unter dem Ziele diesen Resolver verwenden: Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>e.g. 10.0.0.53:53, [2001:db8::53]:53</source>
        <translation>z. B. 10.0.0.53:53, [2001:db8::53]:53</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>Ser&amp;ver:</translation>
    </message>
    <message>
        <source>The nameservers asked in turn: addresses with an optional port, separated by commas or spaces.</source>
        <translation>Die Nameserver, die der Reihe nach gefragt werden: Adressen mit optionalem Port, durch Kommas oder Leerzeichen getrennt.</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Timeout:</source>
        <translation>&amp;Timeout:</translation>
    </message>
    <message>
        <source>How long one try waits for an answer, in milliseconds (the system resolver: one whole lookup).</source>
        <translation>Wie lange ein Versuch auf eine Antwort wartet, in Millisekunden (beim System-Resolver: eine ganze Auflösung).</translation>
    </message>
    <message>
        <source>&amp;Attempts:</source>
        <translation>&amp;Anzahl Versuche:</translation>
    </message>
    <message>
        <source>How many rounds over the servers before the lookup fails.</source>
        <translation>Wie viele Durchgänge über alle Server, bevor die Auflösung fehlschlägt.</translation>
    </message>
    <message>
        <source>Ask for DNSSEC records (DO bit)</source>
        <translation>DNSSEC-Einträge anfordern (DO-Bit)</translation>
    </message>
    <message>
        <source>&amp;DNSSEC:</source>
        <translation>&amp;DNSSEC:</translation>
    </message>
    <message>
        <source>Each answer then says whether this resolver validated it; targets can require that.</source>
        <translation>Jede Antwort sagt dann, ob dieser Resolver sie validiert hat; Ziele können das verlangen.</translation>
    </message>
    <message>
        <source>the host of each server&apos;s address</source>
        <translation>der Host aus der Adresse jedes Servers</translation>
    </message>
    <message>
        <source>TLS na&amp;me:</source>
        <translation>TLS-&amp;Name:</translation>
    </message>
    <message>
        <source>DNS over TLS or HTTPS: the name sent to the server and checked in its certificate.</source>
        <translation>DNS über TLS oder HTTPS: der Name, der an den Server geht und in seinem Zertifikat geprüft wird.</translation>
    </message>
    <message>
        <source>the system&apos;s certificate authorities</source>
        <translation>die Zertifizierungsstellen des Systems</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA-Datei:</translation>
    </message>
    <message>
        <source>DNS over TLS or HTTPS: a PEM file of a private certificate authority to trust as well; relative to the config file&apos;s folder.</source>
        <translation>DNS über TLS oder HTTPS: eine PEM-Datei einer eigenen Zertifizierungsstelle, der zusätzlich vertraut wird; relativ zum Ordner der Konfigurationsdatei.</translation>
    </message>
    <message>
        <source>TLS &amp;idle close:</source>
        <translation>TLS-Leerlauf&amp;ende:</translation>
    </message>
    <message>
        <source>DNS over TLS: a connection without queries is closed after this long, in milliseconds.</source>
        <translation>DNS über TLS: eine Verbindung ohne Anfragen wird nach dieser Zeit geschlossen, in Millisekunden.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>How long answers live and how the fallback tiers behave. Cache changes take effect when DNS Watch is started again (the cache itself is kept until then).</source>
        <translation>Wie lange Antworten gültig sind und wie sich die Fallback-Stufen verhalten. Änderungen am Cache wirken erst nach einem Neustart von DNS Watch (der Cache selbst bleibt bis dahin erhalten).</translation>
    </message>
    <message>
        <source>The timing of the probe schedule and of the service checks. Changes take effect when DNS Watch is started again.</source>
        <translation>Das Zeitverhalten des Prüfplans und der Dienst-Checks. Änderungen wirken erst nach einem Neustart von DNS Watch.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>&amp;Ziele</translation>
    </message>
    <message>
        <source>&amp;Resolvers</source>
        <translation>&amp;Resolver</translation>
    </message>
    <message>
        <source>&amp;Cache</source>
        <translation>&amp;Cache</translation>
    </message>
    <message>
        <source>&amp;Probes</source>
        <translation>&amp;Prüfungen</translation>
    </message>
    <message>
        <source>Problems in the settings</source>
        <translation>Probleme in den Einstellungen</translation>
    </message>
    <message>
        <source>Save status</source>
        <translation>Speicherstatus</translation>
    </message>
    <message>
        <source>No config file: DNS Watch runs on the %1. &quot;Save as...&quot; writes these settings to a file; start DNS Watch with --config FILE to use it next time.</source>
        <translation>Keine Konfigurationsdatei: DNS Watch läuft mit der Konfiguration „%1“. „Speichern unter...“ schreibt diese Einstellungen in eine Datei; starten Sie DNS Watch mit --config DATEI, um sie beim nächsten Mal zu verwenden.</translation>
    </message>
    <message>
        <source>Config file: %1</source>
        <translation>Konfigurationsdatei: %1</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2). Shown: the settings the dashboard runs on; saving replaces the file.</source>
        <translation>%1 kann nicht gelesen werden (%2). Angezeigt werden die Einstellungen, mit denen das Dashboard läuft; Speichern ersetzt die Datei.</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n Problem</numerusform>
            <numerusform>%n Probleme</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tab: %2, marked there</source>
        <translation>Reiter „%1“: %2, dort markiert</translation>
    </message>
    <message numerus="yes">
        <source>Save is off until the config is valid: %n problem(s).</source>
        <translation>
            <numerusform>Speichern ist erst möglich, wenn die Konfiguration gültig ist: %n Problem.</numerusform>
            <numerusform>Speichern ist erst möglich, wenn die Konfiguration gültig ist: %n Probleme.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Save as...</source>
        <translation>Speichern &amp;unter...</translation>
    </message>
    <message>
        <source>The config has problems: see them above the buttons.</source>
        <translation>Die Konfiguration hat Probleme: siehe oberhalb der Schaltflächen.</translation>
    </message>
    <message>
        <source>%1 was changed by something else since the settings were opened. Saving replaces those changes with the settings shown here.</source>
        <translation>%1 wurde seit dem Öffnen der Einstellungen von anderer Seite geändert. Speichern ersetzt diese Änderungen durch die hier angezeigten Einstellungen.</translation>
    </message>
    <message>
        <source>Not saved: the config has problems.</source>
        <translation>Nicht gespeichert: Die Konfiguration hat Probleme.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2. Nothing was written there; your changes are still here.</source>
        <translation>Speichern in %1 fehlgeschlagen: %2. Dort wurde nichts geschrieben; Ihre Änderungen sind noch hier.</translation>
    </message>
    <message>
        <source>Saved to %1, but it does not read back: %2</source>
        <translation>In %1 gespeichert, aber die Datei lässt sich nicht zurücklesen: %2</translation>
    </message>
    <message>
        <source>Saved to %1 and applied.</source>
        <translation>In %1 gespeichert und übernommen.</translation>
    </message>
    <message>
        <source>Takes a restart: %1.</source>
        <translation>Neustart nötig für: %1.</translation>
    </message>
    <message>
        <source>DNS Watch was started without this file: start it with --config %1 to use it next time.</source>
        <translation>DNS Watch wurde ohne diese Datei gestartet: Starten Sie es mit --config %1, um sie beim nächsten Mal zu verwenden.</translation>
    </message>
    <message>
        <source>Save the settings as</source>
        <translation>Einstellungen speichern unter</translation>
    </message>
    <message>
        <source>JSON config (*.json)</source>
        <translation>JSON-Konfiguration (*.json)</translation>
    </message>
    <message>
        <source>%1 already exists. Saving replaces it.</source>
        <translation>%1 existiert bereits. Speichern ersetzt die Datei.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Datei ersetzen?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>Änderungen verwerfen?</translation>
    </message>
    <message>
        <source>The settings were changed but not saved.</source>
        <translation>Die Einstellungen wurden geändert, aber nicht gespeichert.</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
</context>
<context>
    <name>SoaCheckWords</name>
    <message>
        <source>the serials of %1 cannot be ordered (RFC 1982)</source>
        <translation>die Seriennummern von %1 lassen sich nicht ordnen (RFC 1982)</translation>
    </message>
    <message>
        <source>%1 gave no serial: %2</source>
        <translation>%1 gab keine Seriennummer: %2</translation>
    </message>
    <message>
        <source>%1 serial %2 is %3 behind %4</source>
        <translation>%1 Seriennummer %2 liegt %3 hinter %4</translation>
    </message>
    <message>
        <source>%1 (for %2)</source>
        <translation>%1 (seit %2)</translation>
    </message>
</context>
<context>
    <name>StateNotifier</name>
    <message>
        <source>%1 is down</source>
        <translation>%1 ist ausgefallen</translation>
    </message>
    <message>
        <source>%1 is kept reachable by fallback</source>
        <translation>%1 wird per Fallback erreichbar gehalten</translation>
    </message>
    <message>
        <source>%1 recovered</source>
        <translation>%1 ist wieder erreichbar</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>The answer of %1 changed</source>
        <translation>Die Antwort von %1 hat sich geändert</translation>
    </message>
    <message>
        <source>%1 through %2: %3 -&gt; %4</source>
        <translation>%1 über %2: %3 -&gt; %4</translation>
    </message>
</context>
<context>
    <name>StateSentence</name>
    <message>
        <source>reachable through stale addresses</source>
        <translation>erreichbar über veraltete Adressen</translation>
    </message>
    <message>
        <source>reachable through pinned addresses</source>
        <translation>erreichbar über festgelegte Adressen</translation>
    </message>
    <message>
        <source>reachable through the emergency addresses of the environment</source>
        <translation>erreichbar über die Notfall-Adressen der Umgebung</translation>
    </message>
    <message>
        <source>%1; DNS: %2</source>
        <translation>%1; DNS: %2</translation>
    </message>
    <message>
        <source>no address: %1</source>
        <translation>keine Adresse: %1</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>probing paused</source>
        <translation>Prüfen pausiert</translation>
    </message>
    <message>
        <source>state not known yet</source>
        <translation>Zustand noch nicht bekannt</translation>
    </message>
    <message>
        <source>not probed yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>addresses not validated by DNSSEC</source>
        <translation>Adressen nicht per DNSSEC validiert</translation>
    </message>
</context>
<context>
    <name>SuccessChart</name>
    <message>
        <source>%1: success</source>
        <translation>%1: Erfolg</translation>
    </message>
    <message>
        <source>%1: history unavailable (%2)</source>
        <translation>%1: Verlauf nicht verfügbar (%2)</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Festgelegt</translation>
    </message>
    <message>
        <source>Env</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>DNS: the share of probes whose name DNS answered (live or from the cache).
Service: the share of probes whose service check succeeded.
Stale, Pinned, Env: probes served by that fallback tier (hover a marker for the events).</source>
        <translation>DNS: der Anteil der Prüfungen, deren Namen DNS beantwortet hat (direkt oder aus dem Cache).
Dienst: der Anteil der Prüfungen, deren Dienstprüfung gelang.
Veraltet, Festgelegt, Umgebung: Prüfungen, die diese Fallback-Stufe bedient hat (für die Ereignisse mit der Maus auf eine Markierung zeigen).</translation>
    </message>
</context>
<context>
    <name>TargetCharts</name>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation>Letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 2 hours</source>
        <translation>Letzte 2 Stunden</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Last 24 hours (history)</source>
        <translation>Letzte 24 Stunden (Verlauf)</translation>
    </message>
    <message>
        <source>Last 7 days (history)</source>
        <translation>Letzte 7 Tage (Verlauf)</translation>
    </message>
    <message>
        <source>Cache state</source>
        <translation>Cache-Zustand</translation>
    </message>
    <message>
        <source>Drag to zoom in, wheel to zoom, right-drag or Shift+drag to pan, double-click to follow now again</source>
        <translation>Ziehen: hineinzoomen; Mausrad: zoomen; Ziehen mit rechter Maustaste oder Umschalt+Ziehen: verschieben; Doppelklick: wieder der aktuellen Zeit folgen</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>Alle Ziele</translation>
    </message>
    <message>
        <source>Show every target together (select a row to show one)</source>
        <translation>Alle Ziele zusammen anzeigen (für ein einzelnes Ziel eine Zeile auswählen)</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Follow now (zooming or panning a chart holds its window)</source>
        <translation>Der aktuellen Zeit folgen (Zoomen oder Verschieben eines Diagramms hält dessen Zeitfenster fest)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>not sent by agents</source>
        <translation>von Agenten nicht übermittelt</translation>
    </message>
    <message>
        <source>%1, since %2</source>
        <translation>%1, seit %2</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>Times in %1 (%2)</source>
        <translation>Zeiten in %1 (%2)</translation>
    </message>
    <message>
        <source>The charts&apos; times are in this machine&apos;s time zone</source>
        <translation>Die Zeiten der Diagramme sind in der Zeitzone dieses Rechners</translation>
    </message>
    <message>
        <source>How far back the charts reach; with a history, up to 7 days</source>
        <translation>Wie weit die Diagramme zurückreichen; mit Verlauf bis zu 7 Tage</translation>
    </message>
</context>
<context>
    <name>TargetColumns</name>
    <message>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <source>&amp;Fit columns to the window</source>
        <translation>Spalten an das &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>Show the columns that fit, sized to the window, as when first started</source>
        <translation>Die Spalten zeigen, die in das Fenster passen, auf seine Breite verteilt, wie beim ersten Start</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <source>TTL left</source>
        <translation>Rest-TTL</translation>
    </message>
    <message>
        <source>DNS p95</source>
        <translation>DNS p95</translation>
    </message>
    <message>
        <source>In fallback</source>
        <translation>Im Fallback</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>%1 has not answered since %2 (%3). Shown: the last state it reported.</source>
        <translation>%1 antwortet seit %2 nicht (%3). Angezeigt: der zuletzt gemeldete Zustand.</translation>
    </message>
    <message>
        <source>DNS success</source>
        <translation>DNS-Erfolg</translation>
    </message>
    <message>
        <source>Service success</source>
        <translation>Dienst-Erfolg</translation>
    </message>
    <message>
        <source>The target&apos;s state: healthy, degraded (reachable only through a fallback, or the service failing), down or paused</source>
        <translation>Der Zustand des Ziels: gesund, beeinträchtigt (nur über einen Fallback erreichbar, oder der Dienst versagt), ausgefallen oder pausiert</translation>
    </message>
    <message>
        <source>Where the target is probed: this machine or an agent</source>
        <translation>Wo das Ziel geprüft wird: auf diesem Rechner oder von einem Agenten</translation>
    </message>
    <message>
        <source>The target&apos;s name in the configuration</source>
        <translation>Der Name des Ziels in der Konfiguration</translation>
    </message>
    <message>
        <source>The host name that is resolved</source>
        <translation>Der Hostname, der aufgelöst wird</translation>
    </message>
    <message>
        <source>The resolver that resolves the host</source>
        <translation>Der Resolver, der den Host auflöst</translation>
    </message>
    <message>
        <source>Where the last probe&apos;s addresses came from: a live answer, the cache, a stale answer past its TTL, pinned addresses or the environment&apos;s</source>
        <translation>Woher die Adressen der letzten Prüfung kamen: eine direkte Antwort, der Cache, eine veraltete Antwort nach Ablauf der TTL, festgelegte Adressen oder die der Umgebung</translation>
    </message>
    <message>
        <source>The addresses the last probe used</source>
        <translation>Die Adressen, die die letzte Prüfung verwendet hat</translation>
    </message>
    <message>
        <source>Time until the cached answer expires</source>
        <translation>Zeit, bis die zwischengespeicherte Antwort abläuft</translation>
    </message>
    <message>
        <source>Share of the probes in the last 5 minutes whose name was answered by DNS (live or from the cache), not by a fallback</source>
        <translation>Anteil der Prüfungen der letzten 5 Minuten, deren Namen DNS beantwortet hat (direkt oder aus dem Cache), nicht ein Fallback</translation>
    </message>
    <message>
        <source>Share of the probes in the last 5 minutes whose service check succeeded</source>
        <translation>Anteil der Prüfungen der letzten 5 Minuten, deren Dienstprüfung gelang</translation>
    </message>
    <message>
        <source>95th percentile of the DNS lookup time since the start</source>
        <translation>95. Perzentil der DNS-Abfragedauer seit dem Start</translation>
    </message>
    <message>
        <source>Time the target has been reachable only through a fallback</source>
        <translation>Zeit, die das Ziel nur über einen Fallback erreichbar war</translation>
    </message>
    <message>
        <source>Why the last lookup or service check failed</source>
        <translation>Warum die letzte Abfrage oder Dienstprüfung fehlschlug</translation>
    </message>
    <message>
        <source>Last probes</source>
        <translation>Letzte Prüfungen</translation>
    </message>
    <message>
        <source>The last 30 probes, oldest left: green when DNS answered (live or cached), amber stale, purple pinned, blue the environment&apos;s fallback, red no address; a dark lower part: the service did not answer. Hover a cell for its probe.</source>
        <translation>Die letzten 30 Prüfungen, die älteste links: grün, wenn DNS geantwortet hat (direkt oder aus dem Cache), gelb veraltet, lila festgelegt, blau der Fallback der Umgebung, rot keine Adresse; ein dunkler unterer Teil: Der Dienst hat nicht geantwortet. Mit der Maus auf ein Feld zeigen, um seine Prüfung zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>DNS answered %1 of the last %n probes</source>
        <translation>
            <numerusform>DNS hat %1 der letzten Prüfung beantwortet</numerusform>
            <numerusform>DNS hat %1 der letzten %n Prüfungen beantwortet</numerusform>
        </translation>
    </message>
    <message>
        <source>Last 5 minutes: %1
Last hour: %2</source>
        <translation>Letzte 5 Minuten: %1
Letzte Stunde: %2</translation>
    </message>
    <message>
        <source>%1
The server&apos;s reason: %2</source>
        <translation>%1
Begründung des Servers: %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>DNSSEC: the resolver validated these addresses (AD flag)</source>
        <translation>DNSSEC: der Resolver hat diese Adressen validiert (AD-Flag)</translation>
    </message>
    <message>
        <source>DNSSEC: the resolver did not validate these addresses (no AD flag)</source>
        <translation>DNSSEC: der Resolver hat diese Adressen nicht validiert (kein AD-Flag)</translation>
    </message>
</context>
<context>
    <name>TargetsPage</name>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>The hosts DNS Watch resolves and checks. Changes to targets apply as soon as they are saved.</source>
        <translation>Die Hosts, die DNS Watch auflöst und prüft. Änderungen an Zielen gelten, sobald sie gespeichert sind.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Na&amp;me:</translation>
    </message>
    <message>
        <source>Shown in the dashboard, the metrics and the events; unique.</source>
        <translation>Erscheint im Dashboard, in den Metriken und in den Ereignissen; muss eindeutig sein.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>e.g. mlflow.internal</source>
        <translation>z. B. mlflow.internal</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <source>The host name to resolve.</source>
        <translation>Der aufzulösende Hostname.</translation>
    </message>
    <message>
        <source>&amp;Resolver:</source>
        <translation>Resol&amp;ver:</translation>
    </message>
    <message>
        <source>Which resolver looks the host up (the Resolvers tab defines them).</source>
        <translation>Welcher Resolver den Host auflöst (festgelegt im Reiter „Resolver“).</translation>
    </message>
    <message>
        <source>Re&amp;cord:</source>
        <translation>Rec&amp;ord:</translation>
    </message>
    <message>
        <source>The address records asked for: IPv4 (A), IPv6 (AAAA) or both.</source>
        <translation>Die abgefragten Adress-Records: IPv4 (A), IPv6 (AAAA) oder beide.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <source>How often the target is probed, in seconds.</source>
        <translation>Wie oft das Ziel geprüft wird, in Sekunden.</translation>
    </message>
    <message>
        <source>Readiness needs this target</source>
        <translation>Bereitschaft erfordert dieses Ziel</translation>
    </message>
    <message>
        <source>Cri&amp;tical:</source>
        <translation>&amp;Kritisch:</translation>
    </message>
    <message>
        <source>A critical target without addresses makes DNS Watch not ready.</source>
        <translation>Hat ein kritisches Ziel keine Adressen, ist DNS Watch nicht bereit.</translation>
    </message>
    <message>
        <source>e.g. 10.0.0.5, fd00::5</source>
        <translation>z. B. 10.0.0.5, fd00::5</translation>
    </message>
    <message>
        <source>&amp;Fallback addresses:</source>
        <translation>&amp;Fallback-Adressen:</translation>
    </message>
    <message>
        <source>Pinned addresses served when DNS and the stale cache cannot answer; separated by commas or spaces.</source>
        <translation>Festgelegte Adressen, die ausgeliefert werden, wenn weder DNS noch der veraltete Cache antworten können; durch Kommas oder Leerzeichen getrennt.</translation>
    </message>
    <message>
        <source>dns: the answer only</source>
        <translation>dns: nur die Antwort</translation>
    </message>
    <message>
        <source>tcp: connect to a port</source>
        <translation>tcp: Verbindung zu einem Port</translation>
    </message>
    <message>
        <source>http: a GET and its status</source>
        <translation>http: ein GET und dessen Status</translation>
    </message>
    <message>
        <source>mlflow: the tracking server&apos;s health</source>
        <translation>mlflow: Zustand des Tracking-Servers</translation>
    </message>
    <message>
        <source>Chec&amp;k:</source>
        <translation>Check-&amp;Art:</translation>
    </message>
    <message>
        <source>What is checked once the host resolved.</source>
        <translation>Was geprüft wird, sobald der Host aufgelöst ist.</translation>
    </message>
    <message>
        <source>any address; or e.g. 10.0.0.0/8</source>
        <translation>beliebige Adresse; oder z. B. 10.0.0.0/8</translation>
    </message>
    <message>
        <source>E&amp;xpected addresses:</source>
        <translation>Erwartete A&amp;dressen:</translation>
    </message>
    <message>
        <source>Addresses or subnets the answer must fall in; separated by commas or spaces.</source>
        <translation>Adressen oder Subnetze, in denen die Antwort liegen muss; durch Kommas oder Leerzeichen getrennt.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>Por&amp;t:</translation>
    </message>
    <message>
        <source>The TCP port to connect to.</source>
        <translation>Der TCP-Port, zu dem verbunden wird.</translation>
    </message>
    <message>
        <source>e.g. https://api.internal/health</source>
        <translation>z. B. https://api.internal/health</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>UR&amp;L:</translation>
    </message>
    <message>
        <source>The http:// or https:// URL to ask; no user name or password in it.</source>
        <translation>Die abzufragende http://- oder https://-URL; ohne Benutzernamen und Passwort.</translation>
    </message>
    <message>
        <source>Lowest expected HTTP status</source>
        <translation>Niedrigster erwarteter HTTP-Status</translation>
    </message>
    <message>
        <source>Highest expected HTTP status</source>
        <translation>Höchster erwarteter HTTP-Status</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Expected &amp;status:</source>
        <translation>Er&amp;warteter Status:</translation>
    </message>
    <message>
        <source>The HTTP statuses that count as up, e.g. 200 to 399.</source>
        <translation>Die HTTP-Statuscodes, die als erreichbar gelten, z. B. 200 bis 399.</translation>
    </message>
    <message>
        <source>new target</source>
        <translation>neues Ziel</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Allo&amp;wed answers:</source>
        <translation>Erlaubte A&amp;ntworten:</translation>
    </message>
    <message>
        <source>any address; or e.g. 10.0.0.0/8, 2001:db8::/32</source>
        <translation>jede Adresse; oder z. B. 10.0.0.0/8, 2001:db8::/32</translation>
    </message>
    <message>
        <source>Networks every answer must fall in: an answer outside them (a sinkhole, a captive portal) is a failed lookup and is never cached.</source>
        <translation>Netze, in denen jede Antwort liegen muss: eine Antwort außerhalb (ein Sinkhole, ein Captive Portal) ist eine fehlgeschlagene Auflösung und wird nie zwischengespeichert.</translation>
    </message>
    <message>
        <source>A&amp;lert on change:</source>
        <translation>Alarm bei Änd&amp;erung:</translation>
    </message>
    <message>
        <source>Notify when the host&apos;s addresses change</source>
        <translation>Benachrichtigen, wenn sich die Adressen des Hosts ändern</translation>
    </message>
    <message>
        <source>A new answer raises a notification and an alert event.</source>
        <translation>Eine neue Antwort löst eine Benachrichtigung und ein Alarmereignis aus.</translation>
    </message>
    <message>
        <source>Require &amp;DNSSEC:</source>
        <translation>DNSSEC verlan&amp;gen:</translation>
    </message>
    <message>
        <source>Answers must be validated by the resolver</source>
        <translation>Antworten müssen vom Resolver validiert sein</translation>
    </message>
    <message>
        <source>An answer without DNSSEC validation makes the target degraded; the resolver needs DNSSEC turned on.</source>
        <translation>Eine Antwort ohne DNSSEC-Validierung macht das Ziel beeinträchtigt; beim Resolver muss DNSSEC eingeschaltet sein.</translation>
    </message>
    <message>
        <source>C&amp;ompare with:</source>
        <translation>Verglei&amp;chen mit:</translation>
    </message>
    <message>
        <source>e.g. system, public</source>
        <translation>z. B. system, public</translation>
    </message>
    <message>
        <source>Other resolvers the host is also looked up through on every probe, to see whether they answer alike.</source>
        <translation>Weitere Resolver, über die der Host bei jeder Prüfung ebenfalls aufgelöst wird, um zu sehen, ob sie gleich antworten.</translation>
    </message>
    <message>
        <source>Expected to diff&amp;er:</source>
        <translation>Darf a&amp;bweichen:</translation>
    </message>
    <message>
        <source>e.g. public</source>
        <translation>z. B. public</translation>
    </message>
    <message>
        <source>Compared resolvers that answer otherwise by design (split horizon): their difference raises no event.</source>
        <translation>Verglichene Resolver, die absichtlich anders antworten (Split Horizon): ihre Abweichung löst kein Ereignis aus.</translation>
    </message>
    <message>
        <source>soa: a zone&apos;s serial on its servers</source>
        <translation>soa: die Seriennummer einer Zone auf ihren Servern</translation>
    </message>
    <message>
        <source>e.g. example.com</source>
        <translation>z. B. example.com</translation>
    </message>
    <message>
        <source>&amp;Zone:</source>
        <translation>&amp;Zone:</translation>
    </message>
    <message>
        <source>The zone whose SOA serial every server must have.</source>
        <translation>Die Zone, deren SOA-Seriennummer jeder Server haben muss.</translation>
    </message>
    <message>
        <source>e.g. 10.0.0.53, 10.0.1.53:5353</source>
        <translation>z. B. 10.0.0.53, 10.0.1.53:5353</translation>
    </message>
    <message>
        <source>Authoritative ser&amp;vers:</source>
        <translation>Autoritative Se&amp;rver:</translation>
    </message>
    <message>
        <source>Two or more addresses with an optional port, asked directly; separated by commas or spaces.</source>
        <translation>Zwei oder mehr Adressen mit optionalem Port, direkt gefragt; getrennt durch Kommas oder Leerzeichen.</translation>
    </message>
    <message>
        <source>Allowed l&amp;ag:</source>
        <translation>Erlaubter Rück&amp;stand:</translation>
    </message>
    <message>
        <source>How long a server may stay behind the newest serial (propagation) before the check fails, in seconds.</source>
        <translation>Wie lange ein Server hinter der neuesten Seriennummer zurückbleiben darf (Verteilung), bevor die Prüfung fehlschlägt, in Sekunden.</translation>
    </message>
</context>
<context>
    <name>TimeChart</name>
    <message>
        <source>No probes in this time range</source>
        <translation>Keine Prüfungen in diesem Zeitraum</translation>
    </message>
</context>
<context>
    <name>TrayNotifications</name>
    <message>
        <source>&amp;Show DNS Watch</source>
        <translation>DNS Watch &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
</context>
<context>
    <name>WallTileContent</name>
    <message>
        <source>not answering</source>
        <translation>antwortet nicht</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>bei %1</translation>
    </message>
    <message>
        <source>DNS %1 · service %2</source>
        <translation>DNS %1 · Dienst %2</translation>
    </message>
    <message>
        <source>not probed yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>%1 · in fallback %2</source>
        <translation>%1 · im Fallback seit %2</translation>
    </message>
    <message>
        <source>was %1 · %2</source>
        <translation>war %1 · %2</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <source>DNS Watch</source>
        <translation>DNS Watch</translation>
    </message>
    <message>
        <source>DNS Watch wall display</source>
        <translation>DNS Watch Wandanzeige</translation>
    </message>
    <message numerus="yes">
        <source>Not ready: %n critical target(s) not reachable</source>
        <translation>
            <numerusform>Nicht bereit: %n kritisches Ziel nicht erreichbar</numerusform>
            <numerusform>Nicht bereit: %n kritische Ziele nicht erreichbar</numerusform>
        </translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>No targets</source>
        <translation>Keine Ziele</translation>
    </message>
</context>
<context>
    <name>ZoneSignaturesTable</name>
    <message>
        <source>ok</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <source>expiring soon</source>
        <translation>läuft bald ab</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>validated</source>
        <translation>validiert</translation>
    </message>
    <message>
        <source>not validated</source>
        <translation>nicht validiert</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>under %1 days</source>
        <translation>unter %1 Tagen</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Resolver</source>
        <translation>Resolver</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Tage übrig</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Validated</source>
        <translation>Validiert</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Zone signatures</source>
        <translation>Zonensignaturen</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
</context>
</TS>
