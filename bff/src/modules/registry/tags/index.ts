/** 人员标签: the managed tag list. */
export { TagService } from './tag.service';
