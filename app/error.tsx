'use client';

export { ErrorPanel as default } from '@/components/ui/error-panel';
