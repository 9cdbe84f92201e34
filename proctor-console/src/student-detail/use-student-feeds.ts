import { useAuth } from '@adal/shared/web';
import {
  apiTokenSource,
  type ConnectionStatus,
  FULL_LAYER,
  useFeedTrack,
  useWatcher,
} from '@adal/shared/web/media';
import { useMemo } from 'react';
import { mediaByStudent, type StudentMedia } from '../live/student-media.js';

export interface StudentFeeds {
  status: ConnectionStatus;
  media: StudentMedia;
  webcam: MediaStreamTrack | null;
  screen: MediaStreamTrack | null;
  phone: MediaStreamTrack | null;
  /** The exam tab as the extension captures it; consumed only while the student sends it. */
  tab: MediaStreamTrack | null;
  /** Only while the proctor listens: sound is on demand. */
  audio: MediaStreamTrack | null;
}

/**
 * One student's live sources, as the live view's selected student: the webcam at full quality,
 * the screen, the phone camera and (when sent) the exam tab at their single layer, the microphone
 * only while listening.
 */
export function useStudentFeeds(sittingId: string, studentId: string, listening: boolean): StudentFeeds {
  const { callApi } = useAuth();
  const tokens = useMemo(() => apiTokenSource(callApi, sittingId), [callApi, sittingId]);
  const { watcher, producers, status } = useWatcher(tokens);
  const media = useMemo(() => {
    const own = mediaByStudent(producers, [studentId]).get(studentId);
    if (!own) throw new Error('mediaByStudent left out the student it was given');
    return own;
  }, [producers, studentId]);
  const webcam = useFeedTrack(watcher, studentId, 'webcam', { visible: true, spatialLayer: FULL_LAYER });
  const screen = useFeedTrack(watcher, studentId, 'screen', { visible: true, spatialLayer: 0 });
  const phone = useFeedTrack(watcher, studentId, 'phone', { visible: true, spatialLayer: 0 });
  const tab = useFeedTrack(watcher, studentId, 'tab', { visible: media.live.has('tab'), spatialLayer: 0 });
  const audio = useFeedTrack(watcher, studentId, 'microphone', { visible: listening, spatialLayer: 0 });
  return { status, media, webcam, screen, phone, tab, audio };
}
