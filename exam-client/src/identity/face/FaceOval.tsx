import { OVAL } from './face-frame.js';
import { FACE_FRAME } from './face-protocol.js';

/** How the oval looks: where the student stands in the check. */
export type OvalTone = 'idle' | 'adjust' | 'good' | 'challenge' | 'bad';

const { width: W, height: H } = FACE_FRAME;
// The frame with the oval cut out (even-odd fill): everything outside the oval is dimmed.
const SHADE = `M0 0H${W}V${H}H0Z M${OVAL.cx - OVAL.rx} ${OVAL.cy} a${OVAL.rx} ${OVAL.ry} 0 1 0 ${2 * OVAL.rx} 0 a${OVAL.rx} ${OVAL.ry} 0 1 0 ${-2 * OVAL.rx} 0Z`;

/** The oval over the preview, in the face check's own frame coordinates (the preview shows the same 4:3 area). */
export function FaceOval({ tone }: { tone: OvalTone }) {
  return (
    <svg
      className="face-oval"
      data-tone={tone}
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="xMidYMid slice"
      aria-hidden="true"
      focusable="false"
    >
      <path className="face-oval-shade" d={SHADE} fillRule="evenodd" />
      <ellipse className="face-oval-line" cx={OVAL.cx} cy={OVAL.cy} rx={OVAL.rx} ry={OVAL.ry} />
    </svg>
  );
}
