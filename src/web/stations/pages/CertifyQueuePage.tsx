import { ApplicationQueue } from '../components/ApplicationQueue';
import '../stations.css';

/** 认定审核 (municipal office). */
export default function CertifyQueuePage() {
  return <ApplicationQueue mode="certify" />;
}
