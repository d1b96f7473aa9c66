import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { controlAnimationFrames, type AnimationFrames } from '../../testing/animation-frames';
import { afterAnswerPainted, answerSettled, ANSWER_HOLD_MAX_MS, holdForAnswer } from './after-answer';

let frames: AnimationFrames;

/** The frame that paints, then the next one: work after a paint runs once the paint is shown. */
function paintFrame(): void {
  frames.paintFrame();
  frames.paintFrame();
}

beforeEach(() => {
  vi.useFakeTimers();
  frames = controlAnimationFrames();
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('afterAnswerPainted', () => {
  it('without an answer being prepared, runs after the next paint', () => {
    const work = vi.fn();
    afterAnswerPainted(work);
    expect(work).not.toHaveBeenCalled();
    paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('holds work while an answer is prepared: frames painted before its commit do not release it', () => {
    const release = holdForAnswer();
    const work = vi.fn();
    afterAnswerPainted(work);
    paintFrame();
    paintFrame();
    expect(work).not.toHaveBeenCalled();
    release();
    expect(work).not.toHaveBeenCalled();
    paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it("holds work whose paint comes after a scan began, until the paint of that scan's answer", () => {
    const work = vi.fn();
    afterAnswerPainted(work);
    const release = holdForAnswer();
    paintFrame();
    expect(work).not.toHaveBeenCalled();
    release();
    paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('waits for every answer in preparation, and a second release changes nothing', () => {
    const first = holdForAnswer();
    const second = holdForAnswer();
    const work = vi.fn();
    afterAnswerPainted(work);
    first();
    first();
    paintFrame();
    expect(work).not.toHaveBeenCalled();
    second();
    paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('never holds work longer than ANSWER_HOLD_MAX_MS, even when the answer is never committed', () => {
    holdForAnswer();
    const work = vi.fn();
    afterAnswerPainted(work);
    vi.advanceTimersByTime(ANSWER_HOLD_MAX_MS - 1);
    paintFrame();
    expect(work).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    paintFrame();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('answerSettled resolves at once without an answer, else after the paint that shows it', async () => {
    await expect(answerSettled()).resolves.toBeUndefined();
    const release = holdForAnswer();
    const settled = vi.fn();
    void answerSettled().then(settled);
    paintFrame();
    await Promise.resolve();
    expect(settled).not.toHaveBeenCalled();
    release();
    paintFrame();
    await Promise.resolve();
    expect(settled).toHaveBeenCalledTimes(1);
  });
});
