import { PageSkeleton } from "@/components/portal/page-skeleton";

export default PageSkeleton;
