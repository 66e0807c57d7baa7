package org.covseg.analysis;

/**
 * Hears how the analysis of one study goes: the stage it is in and, while the networks run, the slices done. A
 * listener may stop the analysis by throwing from any call (a server cancelling a deleted job does).
 */
public interface StudyProgress {

    /** What the analysis is doing, in order. */
    enum Stage { READING, ANALYSING, WRITING }

    /** Hears nothing. */
    StudyProgress NONE = new StudyProgress() {
        @Override
        public void stage(Stage stage) {
        }

        @Override
        public void slices(int total) {
        }

        @Override
        public void slicesDone(int n) {
        }
    };

    void stage(Stage stage);

    /** The number of slices the networks will run on, known once the scan is read. */
    void slices(int total);

    /** {@code n} more slices are done. */
    void slicesDone(int n);
}
