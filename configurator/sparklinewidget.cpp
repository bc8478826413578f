#include "sparklinewidget.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

namespace cx::configurator {

SparklineWidget::SparklineWidget(QWidget *parent)
    : QWidget(parent)
    , m_color(0x1e, 0x6f, 0xb8)
{ }

void SparklineWidget::setValues(const QList<double> &values)
{
    m_values = values;
    update();
}

void SparklineWidget::setColor(const QColor &color)
{
    m_color = color;
    update();
}

QSize SparklineWidget::sizeHint() const
{
    return {120, 24};
}

QSize SparklineWidget::minimumSizeHint() const
{
    return {60, 16};
}

void SparklineWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(2, 3, -2, -3);
    if (m_values.size() < 2) {
        painter.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
        painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()));
        return;
    }
    const double maximum = std::max(1.0, *std::max_element(m_values.cbegin(), m_values.cend()));
    const double step = area.width() / double(m_values.size() - 1);
    QPainterPath line;
    for (int i = 0; i < m_values.size(); ++i) {
        const QPointF point(area.left() + i * step,
                            area.bottom() - area.height() * m_values[i] / maximum);
        if (i == 0)
            line.moveTo(point);
        else
            line.lineTo(point);
    }
    QPainterPath fill = line;
    fill.lineTo(area.right(), area.bottom());
    fill.lineTo(area.left(), area.bottom());
    fill.closeSubpath();
    QColor fillColor = m_color;
    fillColor.setAlpha(50);
    painter.fillPath(fill, fillColor);
    painter.setPen(QPen(m_color, 1.5));
    painter.drawPath(line);
}

} // namespace cx::configurator
