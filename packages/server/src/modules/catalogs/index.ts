export {
  addCatalogItem,
  createCatalog,
  findCatalogsByCode,
  getCatalog,
  listCatalogs,
  updateCatalog,
  updateCatalogItem,
} from './service.ts';
