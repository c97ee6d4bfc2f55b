<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AgentPlace</name>
    <message numerus="yes">
        <source>%1: %n cache entries cleared</source>
        <translation>
            <numerusform>%1: %n cache entry cleared</numerusform>
            <numerusform>%1: %n cache entries cleared</numerusform>
        </translation>
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
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
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
… %n event in all, the last:
%2</numerusform>
            <numerusform>%1
… %n events in all, the last:
%2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Re-resolving %n target(s)...</source>
        <translation>
            <numerusform>Re-resolving %n target...</numerusform>
            <numerusform>Re-resolving %n targets...</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadinessBanner</name>
    <message numerus="yes">
        <source>Ready: %n target(s) kept reachable by fallback</source>
        <translation>
            <numerusform>Ready: %n target kept reachable by fallback</numerusform>
            <numerusform>Ready: %n targets kept reachable by fallback</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Save is off until the config is valid: %n problem(s).</source>
        <translation>
            <numerusform>Save is off until the config is valid: %n problem.</numerusform>
            <numerusform>Save is off until the config is valid: %n problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message numerus="yes">
        <source>DNS answered %1 of the last %n probes</source>
        <translation>
            <numerusform>DNS answered %1 of the last probe</numerusform>
            <numerusform>DNS answered %1 of the last %n probes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message numerus="yes">
        <source>Not ready: %n critical target(s) not reachable</source>
        <translation>
            <numerusform>Not ready: %n critical target not reachable</numerusform>
            <numerusform>Not ready: %n critical targets not reachable</numerusform>
        </translation>
    </message>
</context>
</TS>
