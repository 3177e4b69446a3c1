import { computed, ref, shallowRef } from 'vue';
import type { BoundaryGeometry } from '@zhili/shared';
import { regionsApi } from '@/api/regions';
import { vertexCount } from '@/components/map/geo/geometry';
import { confirmAction, toastSuccess } from '@/ui/feedback';

/**
 * Boundary editing session of one region: a draft the map edits, save with confirmation
 * (`PATCH /regions/:id { boundary }`), cancel restores the stored shape (asks first when changed).
 */
export function useBoundaryEditing(onSaved: () => Promise<void>) {
  const editingId = ref<string | null>(null);
  const editingName = ref('');
  const draft = shallowRef<BoundaryGeometry | null>(null);
  const original = shallowRef<BoundaryGeometry | null>(null);
  const saving = ref(false);
  const dirty = computed(() => draft.value !== original.value);
  const vertices = computed(() => (draft.value ? vertexCount(draft.value) : 0));

  /** Starts editing; `initial` is the stored boundary, `replacement` a pasted or drawn one. */
  function start(id: string, name: string, initial: BoundaryGeometry | null, replacement?: BoundaryGeometry): void {
    editingId.value = id;
    editingName.value = name;
    original.value = initial;
    draft.value = replacement ?? initial;
  }

  function stop(): void {
    editingId.value = null;
    draft.value = null;
    original.value = null;
  }

  async function cancel(): Promise<void> {
    if (dirty.value && !(await confirmAction('放弃对边界的修改？', '取消编辑', '放弃修改', { danger: true }))) return;
    stop();
  }

  async function save(): Promise<void> {
    const id = editingId.value;
    const boundary = draft.value;
    if (!id || !boundary || saving.value) return;
    if (
      !(await confirmAction(
        `保存「${editingName.value}」的新边界（${vertices.value} 个顶点）？保存后网格定位立即按新边界计算。`,
        '保存边界',
        '保存',
      ))
    )
      return;
    saving.value = true;
    try {
      await regionsApi.update(id, { boundary });
    } catch {
      // The request client already showed the BFF's message (e.g. GEOMETRY_INVALID); keep the draft.
      saving.value = false;
      return;
    }
    toastSuccess('边界已保存');
    try {
      // Reload first, then leave edit mode: stopping earlier let the map redraw the pre-save shape
      // from the stale features until the reload landed (seen as a flicker and a flaky e2e test).
      await onSaved();
    } finally {
      stop();
      saving.value = false;
    }
  }

  return { editingId, editingName, draft, dirty, vertices, saving, start, cancel, save };
}
