// Compare mode: a grid of 2 to 6 viewports, each showing one grounded prompt (on this image or
// another one), with caption, colour bar and metrics; zoom, pan and window/level synchronised
// (each cell can be unlinked); the cursor position shown in every cell.
#pragma once

#include "annotate/overlay.h"
#include "eval/metrics.h"
#include "grounding.h"
#include "view_sync.h"
#include "viewport.h"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;

namespace cxr::ui {

struct CompareItem {
    std::shared_ptr<const Image> image;
    DisplaySettings display;
    QString imageName;
    GroundedPrompt entry;
    QVector<GroundTruthBox> boxes;
    bool demoModel = false;
};

// Shows a result on a viewport: heat map, mask, colour bar and the demo mark, in `style`.
void showResult(Viewport* view, const grounding::PromptResult& r, const annotate::Layers& style, bool otsu, bool demoModel,
                const QString& legendTitle);
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);
    static constexpr int kMaxCells = 6;

    void setShape(int rows, int cols);  // 1x2, 2x2 or 2x3
    int rows() const { return rows_; }
    int cols() const { return cols_; }
    bool addItem(const CompareItem& item);  // false when the grid is full
    void removeItem(int index);
    void clear();
    int count() const { return int(cells_.size()); }
    const CompareItem& item(int index) const { return cells_[index].item; }
    Viewport* cellView(int index) const { return cells_[index].view; }
    int indexOfView(const Viewport* v) const { return indexOf(v); }
    // The map a cell shows (nullptr for a view that is not a cell).
    const grounding::PromptResult* resultOf(const Viewport* v) const;
    QString cellCaption(int index) const;
    QString cellMetrics(int index) const;
    bool metricsPending() const;
    bool linked(int index) const;
    void setLinked(int index, bool on);
    void setStyle(const annotate::Layers& style);  // layers of every cell (boxes come from each item)
    annotate::Layers style() const { return style_; }

    // The grid as one picture: each cell with its layers and footer (caption, colour bar,
    // research-use line); at original image resolution or as on screen.
    QImage exportGrid(bool originalResolution) const;

Q_SIGNALS:
    void groundInGrid(const QStringList& prompts);  // sentences typed into the grid's prompt line
    void countChanged();
    void cellCursor(cxr::ui::Viewport* cell, int x, int y);  // image pixel under the cursor in a cell (-1: none)

private:
    struct Cell {
        CompareItem item;
        QWidget* frame = nullptr;
        QLabel* caption = nullptr;  // one line, elided: images of a row stay aligned
        Viewport* view = nullptr;
        QLabel* metrics = nullptr;
        QCheckBox* link = nullptr;
        QToolButton* close = nullptr;
        bool metricsRunning = false;
    };
    void relayout();
    void refreshCell(int index);
    int indexOf(const Viewport* v) const;
    QImage cellPicture(int index, bool originalResolution) const;

    QComboBox* shape_;
    QLineEdit* prompts_;
    QLabel* hint_;
    QWidget* gridHost_;
    QGridLayout* grid_;
    QVector<Cell> cells_;
    int rows_ = 1, cols_ = 2;
    ViewSync* sync_;  // zoom, pan, window and crosshair of the linked cells
    annotate::Layers style_;
};

}  // namespace cxr::ui
