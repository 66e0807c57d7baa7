package org.covseg.pretrain;

/**
 * One stage of pre-training: the coach or the inpainter trained for some epochs. Round 0 is the inpainter's
 * warm-up on random masks; from round 1 on the inpainter sees the coach's masks.
 */
public record PretrainingPhase(String name, boolean coach, int round, int epochs) {
}
