<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
        <source>Overall readiness</source>
        <translation>Gesamtbereitschaft</translation>
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
        <source>Pa&amp;use</source>
        <translation>&amp;Pausieren</translation>
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
        <source>&amp;Mute notifications</source>
        <translation>&amp;Benachrichtigungen stummschalten</translation>
    </message>
    <message>
        <source>No desktop notifications for the selected targets</source>
        <translation>Keine Desktop-Benachrichtigungen für die ausgewählten Ziele</translation>
    </message>
    <message>
        <source>&amp;Copy events</source>
        <translation>Ereignisse &amp;kopieren</translation>
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
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Search targets, hosts, addresses...</source>
        <translation>Ziele, Hosts, Adressen durchsuchen...</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Filter events by target, host or kind...</source>
        <translation>Ereignisse nach Ziel, Host oder Art filtern...</translation>
    </message>
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
        <source>&amp;Show DNS Watch</source>
        <translation>DNS Watch &amp;anzeigen</translation>
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
</context>
<context>
    <name>TargetCharts</name>
    <message>
        <source>DNS answered</source>
        <translation>DNS hat geantwortet</translation>
    </message>
    <message>
        <source>Service answered</source>
        <translation>Dienst hat geantwortet</translation>
    </message>
    <message>
        <source>Kept reachable by fallback</source>
        <translation>Per Fallback erreichbar gehalten</translation>
    </message>
    <message>
        <source>DNS latency</source>
        <translation>DNS-Latenz</translation>
    </message>
    <message>
        <source>Service latency</source>
        <translation>Dienst-Latenz</translation>
    </message>
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
        <source>%1: success</source>
        <translation>%1: Erfolg</translation>
    </message>
    <message>
        <source>%1: latency</source>
        <translation>%1: Latenz</translation>
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
        <source>%1: history unavailable (%2)</source>
        <translation>%1: Verlauf nicht verfügbar (%2)</translation>
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
        <source>Success 5 min</source>
        <translation>Erfolg 5 min</translation>
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
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
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
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
</context>
</TS>
