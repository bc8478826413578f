#pragma once

#include <QWizardPage>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace cx::configurator {

class ReachabilityProbe;

/// Wizard page for a single platform: the static platform URLs, with a reachability test.
class PlatformsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PlatformsPage(QWidget *parent = nullptr);
    int nextId() const override;
    bool isComplete() const override;
    bool validatePage() override;

    /// The URLs entered, one per non-empty line.
    QStringList urls() const;

private:
    void test();

    QPlainTextEdit *m_urls = nullptr;
    QPushButton *m_testButton = nullptr;
    QLabel *m_result = nullptr;
    ReachabilityProbe *m_probe = nullptr;
};

} // namespace cx::configurator
