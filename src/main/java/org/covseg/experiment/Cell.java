package org.covseg.experiment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One configuration of the grid: its name (also its folder under the experiment's output), kind, the resolved
 * settings and the merged JSON they were read from (what {@code cell.json} records, to notice a changed recipe).
 */
record Cell(String name, CellKind kind, String description, TrainingSettings settings, ObjectNode resolved) {
}
