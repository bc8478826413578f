#pragma once

#include <QList>
#include <QWidget>

namespace cx::configurator {

/// A small line chart of the last values (a per-instance request rate).
class SparklineWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SparklineWidget(QWidget *parent = nullptr);

    void setValues(const QList<double> &values);
    const QList<double> &values() const { return m_values; }
    void setColor(const QColor &color);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<double> m_values;
    QColor m_color;
};

} // namespace cx::configurator
