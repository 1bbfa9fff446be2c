import { ApplicationQueue } from '../components/ApplicationQueue';
import '../stations.css';

/** 设站审核 (district office). */
export default function ReviewQueuePage() {
  return <ApplicationQueue mode="review" />;
}
