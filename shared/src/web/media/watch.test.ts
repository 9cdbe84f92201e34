import { describe, expect, it } from 'vitest';
import { desiredConsumerState } from './watch.js';

describe('desired consumer state', () => {
  it('is paused when nobody has the feed on screen', () => {
    expect(desiredConsumerState([])).toEqual({ paused: true, spatialLayer: 0 });
    expect(desiredConsumerState([{ visible: false, spatialLayer: 2 }])).toEqual({
      paused: true,
      spatialLayer: 0,
    });
  });

  it('takes the highest layer any visible viewer asks for', () => {
    expect(
      desiredConsumerState([
        { visible: true, spatialLayer: 0 },
        { visible: true, spatialLayer: 2 },
        { visible: false, spatialLayer: 1 },
      ]),
    ).toEqual({ paused: false, spatialLayer: 2 });
  });
});
