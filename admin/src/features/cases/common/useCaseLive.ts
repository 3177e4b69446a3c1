import { onScopeDispose, ref, watch } from 'vue';
import { useRouter } from 'vue-router';
import { ElNotification } from 'element-plus';
import 'element-plus/es/components/notification/style/css';
import type { CaseChangedEvent } from '@/realtime/case-events';
import { useStaffSocket } from '@/realtime/useStaffSocket';
import { playChime, unlockChime } from './chime';

const SOUND_KEY = 'zhili.admin.cases.sound';

function readSound(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

/**
 * Live case events for a page (inbox, map): subscribes to `case:changed` on the shared staff
 * socket for the component's lifetime, announces new cases (ElNotification 新工单 + optional
 * chime) and hands every event to `onChange`. The sound preference is kept in localStorage.
 * While the socket is down, `poll` (a reload) runs every `pollMs` instead.
 */
export function useCaseLive(onChange: (event: CaseChangedEvent) => void, poll?: () => void, pollMs = 60_000) {
  const router = useRouter();
  const socket = useStaffSocket();
  const sound = ref(readSound());

  watch(sound, (on) => {
    try {
      localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
    } catch {
      // private mode: the toggle still works for this page
    }
    if (on) unlockChime();
  });

  function announce(event: CaseChangedEvent): void {
    const c = event.case;
    const summary = c.description.length > 40 ? `${c.description.slice(0, 40)}…` : c.description;
    const notification = ElNotification({
      title: `新工单 ${c.no}`,
      message: `${c.categoryName} · ${c.regionName}：${summary}`,
      type: 'info',
      duration: 8_000,
      customClass: 'case-live-notification',
      onClick: () => {
        notification.close();
        void router.push({ name: 'case-detail', params: { id: c.id } });
      },
    });
    if (sound.value) playChime();
  }

  socket.on('case:changed', (event) => {
    if (!event?.case?.id) return;
    if (event.type === 'created') announce(event);
    onChange(event);
  });

  if (poll) {
    const timer = setInterval(() => {
      if (socket.state.value !== 'connected' && document.visibilityState === 'visible') poll();
    }, pollMs);
    onScopeDispose(() => clearInterval(timer));
  }

  return { state: socket.state, sound };
}
