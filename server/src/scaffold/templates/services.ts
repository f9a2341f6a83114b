import type { BackingService } from '../types';
import { pinnedImage } from './images';

/** What the app and the orchestrators need to know of a database or cache. */
export interface BackingServiceSpec {
  image: string;
  port: number;
  /** The variable the app reads its connection URL from, and how Compose builds it. */
  urlVariable: string;
  composeUrl: string;
  /** Variables the service container needs; `${…}` values come from `.env`. */
  environment: Record<string, string>;
  /** Secret variables, with the placeholder `.env.example` gives them. */
  secrets: string[];
  healthcheck: string[];
  dataPath: string;
}

export const BACKING_SERVICE_SPECS: Readonly<Record<BackingService, BackingServiceSpec>> = {
  postgres: {
    image: pinnedImage('postgres'),
    port: 5432,
    urlVariable: 'POSTGRES_URL',
    composeUrl: 'postgres://app:${POSTGRES_PASSWORD}@postgres:5432/app',
    environment: { POSTGRES_USER: 'app', POSTGRES_DB: 'app', POSTGRES_PASSWORD: '${POSTGRES_PASSWORD:?set it in .env}' },
    secrets: ['POSTGRES_PASSWORD'],
    healthcheck: ['CMD', 'pg_isready', '-U', 'app', '-d', 'app'],
    // Postgres 18 images keep their data in a versioned folder under /var/lib/postgresql.
    dataPath: '/var/lib/postgresql',
  },
  mysql: {
    image: pinnedImage('mysql'),
    port: 3306,
    urlVariable: 'MYSQL_URL',
    composeUrl: 'mysql://app:${MYSQL_PASSWORD}@mysql:3306/app',
    environment: {
      MYSQL_DATABASE: 'app',
      MYSQL_USER: 'app',
      MYSQL_PASSWORD: '${MYSQL_PASSWORD:?set it in .env}',
      MYSQL_ROOT_PASSWORD: '${MYSQL_ROOT_PASSWORD:?set it in .env}',
    },
    secrets: ['MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD'],
    healthcheck: ['CMD', 'mysqladmin', 'ping', '-h', '127.0.0.1'],
    dataPath: '/var/lib/mysql',
  },
  redis: {
    image: pinnedImage('redis'),
    port: 6379,
    urlVariable: 'REDIS_URL',
    composeUrl: 'redis://redis:6379',
    environment: {},
    secrets: [],
    healthcheck: ['CMD', 'redis-cli', 'ping'],
    dataPath: '/data',
  },
  mongo: {
    image: pinnedImage('mongo'),
    port: 27017,
    urlVariable: 'MONGO_URL',
    composeUrl: 'mongodb://app:${MONGO_PASSWORD}@mongo:27017',
    environment: { MONGO_INITDB_ROOT_USERNAME: 'app', MONGO_INITDB_ROOT_PASSWORD: '${MONGO_PASSWORD:?set it in .env}' },
    secrets: ['MONGO_PASSWORD'],
    healthcheck: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"],
    dataPath: '/data/db',
  },
};
