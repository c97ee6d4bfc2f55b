#pragma once

#include <QString>
#include <QUrl>

// An agent the dashboard watches: where it answers and how to prove who is asking.
struct AgentEndpoint
{
    QString name; // shown in the Agent column: "fra1"
    QUrl url; // its base: "https://agent-fra1.example.net:9108"
    QString token; // bearer token; empty when the agent needs none (loopback, no tokens)
    QString caFile; // PEM file of a private certificate authority; empty: the system's

    bool operator==(const AgentEndpoint &other) const = default;
};
